#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema (any draft the schema declares).

Usage: validate-json-schema.py SCHEMA DOCUMENT.json...   (a .jsonl file holds one document per line)
Prints one line per problem and exits 1 when there is any; needs `pip install jsonschema`.
"""
import json
import sys

import jsonschema


def documents(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".jsonl"):
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield f"{path}:{number}", json.loads(line)
        else:
            yield path, json.load(handle)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    problems = 0
    for path in sys.argv[2:]:
        for name, document in documents(path):
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
                where = "/".join(str(part) for part in error.absolute_path) or "(root)"
                print(f"{name}: {where}: {error.message}")
                problems += 1
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
