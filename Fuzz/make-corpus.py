#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into Fuzz/Corpus/<target>/ from the repository's
shipped policies, fixtures and test vectors. Seeds are named by content, so running it again
adds nothing twice; inputs the fuzzer added are left alone.

fuzz-yaml               the yaml of every yaml-test-suite case, every policy, policy test and fixture
fuzz-expression-*       every CEL conformance expression, and every expression of the shipped policies
fuzz-policy             the shipped policies, and each of their rules as a policy of its own
fuzz-csv                every csv-spectrum case
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

    for path in repo("Tests/*/Resources/fuzz-regressions/fuzz-*/*"):
        write(os.path.basename(os.path.dirname(path)), read(path))

    for target in sorted(os.listdir(CORPUS)):
        print(f"make-corpus: {target}: {len(os.listdir(os.path.join(CORPUS, target)))} inputs")


if __name__ == "__main__":
    main()
