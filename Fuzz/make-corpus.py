#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into Fuzz/Corpus/<target>/ from the repository's
shipped policies, fixtures and test vectors. Seeds are named by content, so running it again
adds nothing twice; inputs the fuzzer added are left alone.

fuzz-yaml               the yaml of every yaml-test-suite case, every policy, policy test and fixture
fuzz-expression-*       every CEL conformance expression, and every expression of the shipped policies
fuzz-policy             the shipped policies, and each of their rules as a policy of its own
fuzz-csv                every csv-spectrum case
fuzz-sources            the sample exports (Fixtures/exports/) and the format tests' exports, each behind the byte that selects its format, the
                        JSON ones with and without their further files; a generic roster made from the BambooHR one
every target            its regression inputs (Tests/*/Resources/fuzz-regressions/<target>/)

Reading the policies' expressions needs PyYAML (`pip install pyyaml`); without it they are skipped.
"""
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(target, text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "seed-" + hashlib.sha1(data).hexdigest()[:16])
    if not os.path.exists(path):
        with open(path, "wb") as file:
            file.write(data)


def read(path):
    with open(path, "rb") as file:
        return file.read()


def repo(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))


def policy_expressions(policy):
    """Every expression of a policy; a for_each rule's own expressions wrapped in `list.all(name, ...)`."""
    for rule in policy.get("rules") or []:
        if not isinstance(rule, dict):
            continue
        wrap = lambda text: text
        for_each = rule.get("for_each")
        if isinstance(for_each, str) and " in " in for_each:
            name, _, listed = for_each.partition(" in ")
            yield listed.strip()
            wrap = lambda text, name=name.strip(), listed=listed.strip(): f"{listed}.all({name}, {text})"
        for key in ("when", "require"):
            if isinstance(rule.get(key), str):
                yield rule[key]
                yield wrap(rule[key])
        message = rule.get("message")
        while isinstance(message, str) and "{{" in message and "}}" in message:
            start = message.index("{{") + 2
            end = message.index("}}", start) if "}}" in message[start:] else len(message)
            yield wrap(message[start:end].strip())
            message = message[end + 2:]


# The first byte of a fuzz-sources input chooses the entry (Tests/ClearanceFuzzTargets/FuzzSourceInput.swift).
AWS, AWS_SCOPED, GENERIC_ROSTER, GENERIC_ROSTER_COLUMNS, BAMBOOHR_ROSTER, GITHUB, OKTA = 0, 5, 1, 6, 2, 3, 4
GENERIC_COLUMNS = {"employeeNumber": "employee_id", "workEmail": "work_email", "employmentHistoryStatus": "employment_type",
                   "hireDate": "hire_date", "terminationDate": "termination_date", "supervisorEmail": "manager_email"}


def write_sources():
    """Each sample export as a fuzz-sources input: a selector byte, then the file (JSON: the further files after NULs)."""
    exports = lambda name: read(os.path.join(ROOT, "Fixtures", "exports", name))
    try:
        report, roster = exports("aws-prod-credential-report.csv"), exports("people.csv")
        members, admins, no_2fa = exports("github-members.json"), exports("github-admins.json"), exports("github-2fa-disabled.json")
        users, factors = exports("okta-users.json"), exports("okta-factors.json")
    except OSError as error:
        print(f"make-corpus: fuzz-sources: a sample export is missing ({error}); not seeded", file=sys.stderr)
        return
    for selector in (AWS, AWS_SCOPED):
        write("fuzz-sources", bytes([selector]) + report)
    write("fuzz-sources", bytes([BAMBOOHR_ROSTER]) + roster)
    lines = roster.decode("utf-8").split("\n")
    header = [GENERIC_COLUMNS.get(name, name) for name in lines[0].split(",")]
    generic = "\n".join([",".join(header)] + lines[1:]).encode("utf-8")
    write("fuzz-sources", bytes([GENERIC_ROSTER]) + generic)
    write("fuzz-sources", bytes([GENERIC_ROSTER_COLUMNS]) + generic.replace(b"firstName", b"name", 1))
    write("fuzz-sources", bytes([GITHUB]) + members)
    write("fuzz-sources", bytes([GITHUB]) + members + b"\0" + admins + b"\0" + no_2fa)
    write("fuzz-sources", bytes([GITHUB]) + members + b"\0[]\0[]\0" + admins)
    write("fuzz-sources", bytes([OKTA]) + users)
    write("fuzz-sources", bytes([OKTA]) + users + b"\0" + factors)
    # The same, compact, and cut to their first few records: smaller inputs the fuzzer mutates faster.
    compact = lambda data, count=None: json.dumps(json.loads(data)[:count] if count else json.loads(data), separators=(",", ":")).encode("utf-8")
    write("fuzz-sources", bytes([GITHUB]) + compact(members, 4) + b"\0" + compact(admins) + b"\0" + compact(no_2fa) + b"\0[]")
    small = json.loads(users)[:4]
    small_factors = {user["id"]: json.loads(factors).get(user["id"], []) for user in small}
    write("fuzz-sources", bytes([OKTA]) + json.dumps(small, separators=(",", ":")).encode("utf-8") + b"\0"
          + json.dumps(small_factors, separators=(",", ":")).encode("utf-8"))
    write("fuzz-sources", bytes([AWS_SCOPED]) + b"\n".join(report.split(b"\n")[:4]) + b"\n")
    write("fuzz-sources", bytes([BAMBOOHR_ROSTER]) + b"\n".join(roster.split(b"\n")[:4]) + b"\n")


# A first byte of 128 or more chooses among the later formats by its value modulo 8 (FuzzSourceInput.swift).
LATER = {"google-users.csv": 128, "google-users.json": 129, "entra-users.csv": 130, "atlassian-users.csv": 131,
         "jamf-computers.json": 132, "intune-devices.json": 133, "baton-grants.json": 134, "baton-export.csv": 135}


def write_later_sources():
    """Each format test's export (Tests/ClearancePolicyTests/Resources/exports/) behind the byte that selects its format."""
    folder = os.path.join(ROOT, "Tests", "ClearancePolicyTests", "Resources", "exports")
    for name, selector in LATER.items():
        try:
            data = read(os.path.join(folder, name))
        except OSError as error:
            print(f"make-corpus: fuzz-sources: a test export is missing ({error}); not seeded", file=sys.stderr)
            continue
        write("fuzz-sources", bytes([selector]) + data)
        if name == "entra-users.csv":
            write("fuzz-sources", bytes([selector]) + data + b"\0" + read(os.path.join(folder, "entra-mfa-registration.json")))


def main():
    policies = [path for path in repo("Policies/*.yaml") if not path.endswith(".tests.yaml")]
    for case in json.loads(read(os.path.join(ROOT, "Tests/ClearanceYAMLTests/Resources/yaml-test-suite/cases.json"))):
        write("fuzz-yaml", case["yaml"])
    for path in repo("Policies/*.yaml") + repo("Fixtures/**/*.yaml"):
        write("fuzz-yaml", read(path))

    expressions = []
    for path in repo("Tests/ClearanceExpressionTests/Resources/cel-conformance/*.json") + repo("Tests/ClearanceExpressionTests/Resources/cel-extra/*.json"):
        expressions += [test["expr"] for test in json.loads(read(path))["tests"]]
    try:
        import yaml
    except ImportError:
        yaml = None
        print("make-corpus: PyYAML is missing, so the policies' expressions are not seeded", file=sys.stderr)
    for path in policies:
        write("fuzz-policy", read(path))
        if yaml is None:
            continue
        for document in yaml.load_all(read(path), Loader=yaml.BaseLoader):  # every scalar a string, as written
            expressions += list(policy_expressions(document))
            for rule in document.get("rules") or []:
                single = {key: value for key, value in document.items() if key != "rules"}
                single["rules"] = [rule]
                write("fuzz-policy", yaml.safe_dump(single, sort_keys=False, allow_unicode=True))
    for expression in expressions:
        write("fuzz-expression-compile", expression)
        write("fuzz-expression-eval", expression)

    for path in repo("Tests/ClearanceYAMLTests/Resources/csv-spectrum/csvs/*.csv"):
        write("fuzz-csv", read(path))

    write_sources()
    write_later_sources()

    for path in repo("Tests/*/Resources/fuzz-regressions/fuzz-*/*"):
        write(os.path.basename(os.path.dirname(path)), read(path))

    for target in sorted(os.listdir(CORPUS)):
        print(f"make-corpus: {target}: {len(os.listdir(os.path.join(CORPUS, target)))} inputs")


if __name__ == "__main__":
    main()
