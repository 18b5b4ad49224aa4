#!/usr/bin/python3
"""Validates every service of HSDS exports against the compiled JSON Schema
of their HSDS version (tests/hsds/<version>/service.json), with formats
checked where python3-jsonschema can check them.

    validate.py SCHEMA.json EXPORT.json...

Exit status 0 when every service is valid, 1 otherwise (each problem printed),
77 when python3-jsonschema is not installed (ctest then skips the test)."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print('python3-jsonschema is not installed (apt-get install python3-jsonschema)', file=sys.stderr)
    sys.exit(77)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding='utf-8') as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    total = 0
    for path in sys.argv[2:]:
        with open(path, encoding='utf-8') as f:
            services = json.load(f)
        if not isinstance(services, list):
            print('%s: not a JSON array of services' % path)
            bad += 1
            continue
        for i, service in enumerate(services):
            total += 1
            for e in validator.iter_errors(service):
                bad += 1
                print('%s: [%d].%s: %s' % (path, i, '.'.join(str(p) for p in e.path), e.message[:300]))
    print('%d services checked, %d problems' % (total, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
