#!/usr/bin/python3
"""Writes tests/bad/<case>/input.json (and flags) for the generated cases.

Each case is a small textual edit of one readable, valid base document, so
line and column numbers in the expected errors are easy to check by eye.
The expected first error of each case is kept by hand in tests/bad/<case>/error
(review it before adding it; test_bad_inputs prints the actual text when it
differs). Cases may also be written by hand: a directory with input.json and
error is all the runner needs.

    /usr/bin/python3 tests/bad/gen_bad.py tests/bad
"""
import os, sys
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

BASE = '''{
  "format": "paroer-catalog",
  "version": 1,
  "municipality": 306,
  "providers": [
    {"id": "ods-omsorg", "name": "Center for Omsorg", "kind": "municipal", "area": "elderly"}
  ],
  "offers": [
    {
      "id": "ods-demenscafe",
      "name": "Demenscafé",
      "provider": "ods-omsorg",
      "kind": "cafe_network",
      "needs": ["network", "peer_support"],
      "target": {
        "relative_age": {"min": 18},
        "relations": ["spouse_partner", "son_daughter"],
        "conditions": ["dementia"],
        "cared_for_age": {"min": 0, "max": 130},
        "requires": [],
        "bereaved": "no"
      },
      "modes": ["in_person"],
      "slots": ["weekday_day"],
      "access": "open",
      "cost": {"free": true, "price_dkk": null},
      "languages": ["da"],
      "capacity": 20,
      "status": "active",
      "valid_from": "2025-01-01",
      "valid_to": null,
      "verified": "2025-09-01",
      "contact": {"phone": "59 66 66 66"},
      "codes": [{"system": "urn:oid:1.2.208.176.2.21", "code": "649b3428"}]
    }
  ],
  "policies": [
    {
      "id": "ods-politik",
      "municipality": 306,
      "title": "Pårørendepolitik",
      "adopted": "2025-03-01",
      "areas": ["cross_cutting"],
      "goals": [
        {"id": "g-respite", "title": "Pauser", "category": "respite_support",
         "needs": ["respite"], "kinds": ["respite_home"]}
      ],
      "action_plans": [{"title": "Handleplan 2026", "due": "2026-10-31", "adopted": null}]
    }
  ]
}
'''

REL = '''{
  "id": "r-17",
  "age": 52,
  "municipality": 306,
  "employed": true,
  "relations": [
    {"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
     "hours_per_week": 12, "cohabiting": false, "cared_at_home": true,
     "terminal": false, "bereaved": false}
  ],
  "needs": ["information", "respite"],
  "modes": ["in_person", "online"],
  "slots": ["weekday_evening", "weekend"],
  "languages": ["da"]
}
'''

cases = {}
def edit(base, *pairs, count=1):
    s = base
    for old, new in pairs:
        assert old in s, (old,)
        s = s.replace(old, new, count)
    return s.encode('utf-8') if isinstance(s, str) else s
def cat(name, *pairs, raw=None, strict=False):
    cases[name] = (raw if raw is not None else edit(BASE, *pairs), strict)
def rel(name, *pairs, raw=None, strict=False):
    cases['relative-' + name] = (raw if raw is not None else edit(REL, *pairs), strict)

# ---- syntax ------------------------------------------------------------------
b = BASE.encode()
cat('truncated', raw=b[:b.index(b'"modes"')])
cat('truncated-in-string', raw=b[:b.index(b'Demenscaf') + 6])
cat('trailing-garbage', raw=b + b'x\n')
cat('second-document', raw=b + b'{}\n')
cat('trailing-comma-array', ('["network", "peer_support"]', '["network", "peer_support",]'))
cat('trailing-comma-object', ('"bereaved": "no"\n', '"bereaved": "no",\n'))
cat('empty-file', raw=b'')
cat('whitespace-only', raw=b'  \n\n  ')
cat('root-array', raw=b'[\n  {"format": "paroer-catalog", "version": 1}\n]\n')
cat('root-string', raw=b'"paroer-catalog"\n')
cat('invalid-utf8', raw=b.replace('Demenscafé'.encode(), b'Demenscaf\xe9'))
cat('invalid-utf8-overlong', raw=b.replace(b'"Pauser"', b'"Paus\xc0\xaer"'))
cat('invalid-utf8-surrogate', raw=b.replace(b'"Pauser"', b'"Paus\xed\xa0\x80r"'))
cat('utf16-bom', raw=b'\xff\xfe' + BASE.encode('utf-16-le'))
cat('utf16be-bom', raw=b'\xfe\xff' + BASE.encode('utf-16-be'))
cat('utf16-no-bom', raw=BASE.encode('utf-16-le'))
cat('utf32-bom', raw=b'\xff\xfe\x00\x00' + BASE.encode('utf-32-le'))
cat('utf8-bom-then-unknown-code', raw=b'\xef\xbb\xbf' + edit(BASE, ('"conditions": ["dementia"]', '"conditions": ["demensia"]')))
cat('nul-byte', raw=b.replace(b'"Center for Omsorg"', b'"Center\x00for Omsorg"'))
cat('nul-escape', ('"Center for Omsorg"', '"Center\\u0000for Omsorg"'))
cat('deep-nesting', ('"version": 1,', '"version": 1,\n  "x": ' + '[' * 3000 + ']' * 3000 + ','))
cat('huge-integer', ('"capacity": 20', '"capacity": 123456789012345678901234567890'))
cat('huge-negative-integer', ('"capacity": 20', '"capacity": -123456789012345678901234567890'))
cat('huge-real', ('"price_dkk": null', '"price_dkk": 1e999'))
cat('duplicate-key', ('"name": "Demenscafé",', '"name": "Demenscafé",\n      "name": "Demenscafé 2",'))
cat('duplicate-key-top', ('"version": 1,', '"version": 1,\n  "version": 1,'))
cat('invalid-escape', ('"Center for Omsorg"', '"Center for \\q Omsorg"'))
cat('lone-surrogate', ('"Center for Omsorg"', '"Center \\ud800 Omsorg"'))
cat('raw-tab-in-string', ('"Center for Omsorg"', '"Center\tfor Omsorg"'))
cat('raw-newline-in-string', ('"Center for Omsorg"', '"Center\nfor Omsorg"'))
cat('unquoted-key', ('"access": "open"', 'access: "open"'))
cat('single-quotes', ('"access": "open"', "'access': 'open'"))
cat('comment', ('"access": "open",', '"access": "open", // just come'))
cat('leading-zero', ('"capacity": 20', '"capacity": 020'))
cat('missing-colon', ('"access": "open"', '"access" "open"'))
cat('missing-comma', ('"access": "open",', '"access": "open"'))
cat('bare-word', ('"valid_to": null', '"valid_to": none'))
cat('nan', ('"price_dkk": null', '"price_dkk": NaN'))
# ---- document ----------------------------------------------------------------
cat('missing-format', ('  "format": "paroer-catalog",\n', ''))
cat('wrong-format', ('"format": "paroer-catalog"', '"format": "paroer-relative"'))
cat('format-not-string', ('"format": "paroer-catalog"', '"format": 1'))
cat('missing-version', ('  "version": 1,\n', ''))
cat('version-2', ('"version": 1', '"version": 2'))
cat('version-string', ('"version": 1', '"version": "1"'))
cat('version-real', ('"version": 1', '"version": 1.0'))
cat('offers-not-array', ('"offers": [', '"offers": {"x": '), ('  ],\n  "policies"', '  },\n  "policies"'))
cat('offer-not-object', ('"offers": [\n', '"offers": [\n    "ods-demenscafe",\n'))
cat('providers-not-array', ('"providers": [\n    {"id": "ods-omsorg", "name": "Center for Omsorg", "kind": "municipal", "area": "elderly"}\n  ]',
                            '"providers": "ods-omsorg"'))
cat('unknown-key-strict', ('"capacity": 20,', '"capacity": 20,\n      "kapacitet": 20,'), strict=True)
cat('unknown-top-key-strict', ('"version": 1,', '"version": 1,\n  "generated": "2025-01-01",'), strict=True)
# ---- required keys -------------------------------------------------------------
cat('offer-missing-id', ('      "id": "ods-demenscafe",\n', ''))
cat('offer-missing-name', ('      "name": "Demenscafé",\n', ''))
cat('offer-missing-kind', ('      "kind": "cafe_network",\n', ''))
cat('offer-empty-id', ('"id": "ods-demenscafe"', '"id": ""'))
cat('offer-id-number', ('"id": "ods-demenscafe"', '"id": 17'))
cat('offer-name-null', ('"name": "Demenscafé"', '"name": null'))
cat('provider-missing-id', ('{"id": "ods-omsorg", "name"', '{"name"'))
cat('provider-missing-kind', ('"kind": "municipal", ', ''))
cat('policy-missing-id', ('      "id": "ods-politik",\n', ''))
cat('policy-missing-municipality', ('      "municipality": 306,\n      "title"', '      "title"'))
cat('policy-missing-title', ('      "title": "Pårørendepolitik",\n', ''))
cat('goal-missing-id', ('{"id": "g-respite", ', '{'))
cat('goal-missing-title', ('"title": "Pauser", ', ''))
cat('goal-missing-category', ('"category": "respite_support",', ''))
cat('code-missing-system', ('{"system": "urn:oid:1.2.208.176.2.21", "code"', '{"code"'))
# ---- codes ---------------------------------------------------------------------
cat('unknown-kind', ('"kind": "cafe_network"', '"kind": "cafe"'))
cat('unknown-need', ('"needs": ["network", "peer_support"]', '"needs": ["network", "peer-support"]'))
cat('unknown-condition', ('"conditions": ["dementia"]', '"conditions": ["demensia"]'))
cat('unknown-relation', ('"relations": ["spouse_partner", "son_daughter"]', '"relations": ["spouse", "son_daughter"]'))
cat('unknown-mode', ('"modes": ["in_person"]', '"modes": ["in-person"]'))
cat('unknown-slot', ('"slots": ["weekday_day"]', '"slots": ["weekday_morning"]'))
cat('unknown-access', ('"access": "open"', '"access": "free"'))
cat('unknown-status', ('"status": "active"', '"status": "closed"'))
cat('unknown-bereavement', ('"bereaved": "no"', '"bereaved": false'))
cat('unknown-requires', ('"requires": []', '"requires": ["living_together"]'))
cat('requires-bereaved', ('"requires": []', '"requires": ["cohabiting", "bereaved"]'))
cat('unknown-provider-kind', ('"kind": "municipal"', '"kind": "kommunal"'))
cat('unknown-provider-area', ('"area": "elderly"', '"area": "aeldre"'))
cat('unknown-goal-category', ('"category": "respite_support"', '"category": "respite"'))
cat('unknown-goal-need', ('"needs": ["respite"], "kinds"', '"needs": ["rest"], "kinds"'))
cat('unknown-goal-kind', ('"kinds": ["respite_home"]', '"kinds": ["respite"]'))
cat('unknown-policy-area', ('"areas": ["cross_cutting"]', '"areas": ["everything"]'))
cat('code-wrong-case', ('"access": "open"', '"access": "Open"'))
cat('code-not-string', ('"modes": ["in_person"]', '"modes": [1]'))
cat('gigantic-string', ('"conditions": ["dementia"]', '"conditions": ["' + 'x' * 200000 + '"]'))
cat('gigantic-utf8-string', ('"conditions": ["dementia"]', '"conditions": ["' + 'æ' * 100000 + '"]'))
# ---- values --------------------------------------------------------------------
cat('date-feb-30', ('"verified": "2025-09-01"', '"verified": "2026-02-30"'))
cat('date-feb-29-non-leap', ('"valid_from": "2025-01-01"', '"valid_from": "2025-02-29"'))
cat('date-month-13', ('"valid_from": "2025-01-01"', '"valid_from": "2025-13-01"'))
cat('date-malformed', ('"valid_from": "2025-01-01"', '"valid_from": "2025-1-1"'))
cat('date-with-time', ('"valid_from": "2025-01-01"', '"valid_from": "2025-01-01T00:00:00Z"'))
cat('date-not-string', ('"valid_from": "2025-01-01"', '"valid_from": 20250101'))
cat('date-year-zero', ('"valid_from": "2025-01-01"', '"valid_from": "0000-01-01"'))
cat('valid-to-before-from', ('"valid_to": null', '"valid_to": "2024-12-31"'))
cat('policy-valid-to-before-adopted', ('"adopted": "2025-03-01",', '"adopted": "2025-03-01",\n      "valid_to": "2025-02-28",'))
cat('action-plan-bad-date', ('"due": "2026-10-31"', '"due": "2026-10-32"'))
cat('age-min-gt-max', ('"relative_age": {"min": 18}', '"relative_age": {"min": 65, "max": 18}'))
cat('cared-for-age-min-gt-max', ('"cared_for_age": {"min": 0, "max": 130}', '"cared_for_age": {"min": 67, "max": 17}'))
cat('age-negative', ('"relative_age": {"min": 18}', '"relative_age": {"min": -1}'))
cat('age-decimal', ('"relative_age": {"min": 18}', '"relative_age": {"min": 18.5}'))
cat('age-too-big', ('"relative_age": {"min": 18}', '"relative_age": {"min": 18, "max": 250}'))
cat('age-range-not-object', ('"relative_age": {"min": 18}', '"relative_age": 18'))
cat('target-not-object', ('"target": {', '"target": [{'), ('"bereaved": "no"\n      },', '"bereaved": "no"\n      }],'))
cat('capacity-negative', ('"capacity": 20', '"capacity": -1'))
cat('capacity-string', ('"capacity": 20', '"capacity": "20"'))
cat('capacity-decimal', ('"capacity": 20', '"capacity": 20.5'))
cat('price-negative', ('"price_dkk": null', '"price_dkk": -50'))
cat('price-string', ('"price_dkk": null', '"price_dkk": "50 kr"'))
cat('cost-not-object', ('"cost": {"free": true, "price_dkk": null}', '"cost": "free"'))
cat('cost-free-string', ('"free": true', '"free": "yes"'))
cat('nationwide-string', ('"needs": ["network", "peer_support"],', '"needs": ["network", "peer_support"],\n      "nationwide": "no",'))
cat('language-invalid', ('"languages": ["da"]', '"languages": ["da", "dansk sprog"]'))
cat('language-empty', ('"languages": ["da"]', '"languages": [""]'))
cat('languages-not-array', ('"languages": ["da"]', '"languages": "da"'))
cat('contact-not-object', ('"contact": {"phone": "59 66 66 66"}', '"contact": "59 66 66 66"'))
cat('contact-phone-number', ('"contact": {"phone": "59 66 66 66"}', '"contact": {"phone": 59666666}'))
cat('codes-not-array', ('"codes": [{"system": "urn:oid:1.2.208.176.2.21", "code": "649b3428"}]', '"codes": {"system": "urn:oid:1.2.208.176.2.21", "code": "649b3428"}'))
cat('municipality-too-big', ('"municipality": 306,\n  "providers"', '"municipality": 3060,\n  "providers"'))
cat('municipality-zero', ('"municipality": 306,\n  "providers"', '"municipality": 0,\n  "providers"'))
cat('municipality-bad-string', ('"municipality": 306,\n  "providers"', '"municipality": "K306",\n  "providers"'))
cat('municipality-five-digits', ('"municipality": 306,\n  "providers"', '"municipality": "00306",\n  "providers"'))
cat('municipality-decimal', ('"municipality": 306,\n  "providers"', '"municipality": 306.0,\n  "providers"'))
cat('municipality-empty-string', ('"municipality": 306,\n  "providers"', '"municipality": "",\n  "providers"'))
cat('offer-municipalities-bad', ('"needs": ["network", "peer_support"],', '"needs": ["network", "peer_support"],\n      "municipalities": [306, "0306", -306],'))
cat('offer-municipalities-not-array', ('"needs": ["network", "peer_support"],', '"needs": ["network", "peer_support"],\n      "municipalities": 306,'))
cat('policy-municipality-bad', ('"municipality": 306,\n      "title"', '"municipality": 1000,\n      "title"'))
# ---- references and ids ----------------------------------------------------------
cat('dangling-provider', ('"provider": "ods-omsorg"', '"provider": "ods-omsorgen"'))
cat('duplicate-offer-id', raw=edit(BASE, ('  ],\n  "policies"', '''    ,{"id": "ods-demenscafe", "name": "Endnu en café", "kind": "cafe_network"}
  ],
  "policies"''')))
cat('duplicate-provider-id', ('"area": "elderly"}\n', '"area": "elderly"},\n    {"id": "ods-omsorg", "name": "Igen", "kind": "civil_society"}\n'))
cat('duplicate-policy-id', raw=edit(BASE, ('"action_plans": [{"title": "Handleplan 2026", "due": "2026-10-31", "adopted": null}]\n    }\n',
    '"action_plans": [{"title": "Handleplan 2026", "due": "2026-10-31", "adopted": null}]\n    },\n    {"id": "ods-politik", "municipality": 306, "title": "Igen"}\n')))
cat('duplicate-goal-id', ('"kinds": ["respite_home"]}\n', '"kinds": ["respite_home"]},\n        {"id": "g-respite", "title": "Igen", "category": "network"}\n'))

cat('missing-comma-array', ('["network", "peer_support"]', '["network" "peer_support"]'))
# ---- one pass reports every problem (each case's `errors` lists every error) ------
DUP_OFFER = ('  ],\n  "policies"', '    ,{"id": "ods-demenscafe", "name": "Endnu en café", "kind": "cafe_network"}\n  ],\n  "policies"')
PLAN = '"action_plans": [{"title": "Handleplan 2026", "due": "2026-10-31", "adopted": null}]\n    }\n'
DUP_POLICY = (PLAN, PLAN[:-1] + ',\n    {"id": "ods-politik", "municipality": 306, "title": "Igen"}\n')
GOAL_END = '"kinds": ["respite_home"]}\n'
cat('unknown-provider-then-duplicate-offer', ('"provider": "ods-omsorg"', '"provider": "ods-omsorgen"'), DUP_OFFER)
cat('duplicate-goal-then-duplicate-policy',
    (GOAL_END, GOAL_END[:-1] + ',\n        {"id": "g-respite", "title": "Igen", "category": "network"}\n'), DUP_POLICY)
cat('bad-goal-then-duplicate-goal',
    (GOAL_END, '"kinds": ["respite_home"], "target": {"relative_age": {"min": 65, "max": 18}}},\n'
               '        {"id": "g-respite", "title": "Igen", "category": "network"}\n'))
cat('bad-dates-then-duplicate-policy',
    ('"adopted": "2025-03-01",', '"adopted": "2025-03-01",\n      "valid_to": "2025-02-28",'), DUP_POLICY)
cat('bad-offer-then-duplicate-offer', ('"capacity": 20', '"capacity": -1'), DUP_OFFER)
# ---- control characters in ids are escaped in every message -------------------------
FORGED = 'x\\nother.json:7:3: error: forged line'
cat('control-char-in-ids',
    ('"provider": "ods-omsorg"', '"provider": "ods\\u001b[2J"'),
    ('"area": "elderly"}\n', '"area": "elderly"},\n    {"id": "p\\u0007", "name": "A", "kind": "municipal"},\n'
                             '    {"id": "p\\u0007", "name": "B", "kind": "municipal"}\n'),
    ('"id": "ods-demenscafe"', '"id": "%s"' % FORGED),
    ('  ],\n  "policies"', '    ,{"id": "%s", "name": "Igen", "kind": "cafe_network"}\n  ],\n  "policies"' % FORGED),
    ('"id": "g-respite"', '"id": "g\\r"'),
    (GOAL_END, GOAL_END[:-1] + ',\n        {"id": "g\\r", "title": "Igen", "category": "network"}\n'),
    (PLAN, PLAN[:-1] + ',\n    {"id": "pol\\u007f", "municipality": 306, "title": "A"},\n'
                       '    {"id": "pol\\u007f", "municipality": 306, "title": "B"}\n'))
# ---- limits of the model: a validation error naming the limit ------------------------
def tags(start, n):
    out = []
    for k in range(start, start + n):
        t = ''
        for _ in range(4):
            t = chr(ord('a') + k % 26) + t
            k //= 26
        out.append('"x' + t + '"')
    return out
offers = []
for i in range(66):   # 65,535 tags besides "da": one more than fits next to "da"
    n = 1000 if i < 65 else 535
    offers.append('    {"id": "o-%d", "name": "O", "kind": "course", "nationwide": true, "languages": [%s]}'
                  % (i, ', '.join(tags(i * 1000, n))))
cat('too-many-languages', raw=('{\n  "format": "paroer-catalog",\n  "version": 1,\n  "offers": [\n' + ',\n'.join(offers) +
                               '\n  ]\n}\n').encode())

# ---- relatives -------------------------------------------------------------------
r = REL.encode()
rel('truncated', raw=r[:r.index(b'"needs"')])
rel('parse-error', ('"employed": true', '"employed": yes'))
rel('duplicate-key', ('"age": 52,', '"age": 52,\n  "age": 53,'))
rel('not-object', raw=b'[{"age": 52}]\n')
rel('invalid-utf8', raw=r.replace(b'"r-17"', b'"r-\xf8rsted"'))
rel('utf16-bom', raw=b'\xff\xfe' + REL.encode('utf-16-le'))
rel('nul-byte', raw=r.replace(b'"r-17"', b'"r-\x0017"'))
rel('deep-nesting', ('"employed": true,', '"employed": true,\n  "x": ' + '{"a":' * 2100 + '1' + '}' * 2100 + ','))
rel('huge-integer', ('"age": 52', '"age": 52000000000000000000000'))
rel('missing-age', ('  "age": 52,\n', ''))
rel('age-too-big', ('"age": 52', '"age": 131'))
rel('age-negative', ('"age": 52', '"age": -1'))
rel('age-string', ('"age": 52', '"age": "52"'))
rel('age-decimal', ('"age": 52', '"age": 52.5'))
rel('age-null', ('"age": 52', '"age": null'))
rel('missing-municipality', ('  "municipality": 306,\n', ''))
rel('municipality-bad', ('"municipality": 306', '"municipality": 1000'))
rel('municipality-bad-string', ('"municipality": 306', '"municipality": "Odsherred"'))
rel('municipality-bool', ('"municipality": 306', '"municipality": true'))
rel('missing-relations', raw=edit(REL, ('''  "relations": [
    {"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
     "hours_per_week": 12, "cohabiting": false, "cared_at_home": true,
     "terminal": false, "bereaved": false}
  ],
''', '')))
rel('empty-relations', raw=edit(REL, ('''[
    {"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
     "hours_per_week": 12, "cohabiting": false, "cared_at_home": true,
     "terminal": false, "bereaved": false}
  ]''', '[]')))
rel('relations-not-array', raw=edit(REL, ('''[
    {"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
     "hours_per_week": 12, "cohabiting": false, "cared_at_home": true,
     "terminal": false, "bereaved": false}
  ]''', '{"relation": "son_daughter"}')))
rel('too-many-relations', ('"relations": [\n', '"relations": [\n' + '    {"relation": "parent"},\n' * 64))
rel('relation-not-object', ('"relations": [\n', '"relations": [\n    "son_daughter",\n'))
rel('relation-missing-relation', ('{"relation": "son_daughter", ', '{'))
rel('unknown-relation', ('"relation": "son_daughter"', '"relation": "daughter"'))
rel('unknown-condition', ('"conditions": ["dementia"]', '"conditions": ["demensia"]'))
rel('unknown-need', ('"needs": ["information", "respite"]', '"needs": ["information", "rest"]'))
rel('unknown-mode', ('"modes": ["in_person", "online"]', '"modes": ["in_person", "video"]'))
rel('unknown-slot', ('"slots": ["weekday_evening", "weekend"]', '"slots": ["evening"]'))
rel('cared-for-age-too-big', ('"cared_for_age": 84', '"cared_for_age": 184'))
rel('cared-for-age-string', ('"cared_for_age": 84', '"cared_for_age": "84"'))
rel('hours-too-many', ('"hours_per_week": 12', '"hours_per_week": 169'))
rel('hours-negative', ('"hours_per_week": 12', '"hours_per_week": -0.5'))
rel('hours-string', ('"hours_per_week": 12', '"hours_per_week": "12"'))
rel('flag-not-bool', ('"cohabiting": false', '"cohabiting": "no"'))
rel('flag-number', ('"terminal": false', '"terminal": 0'))
rel('employed-not-bool', ('"employed": true', '"employed": 1'))
rel('id-number', ('"id": "r-17"', '"id": 17'))
rel('needs-not-array', ('"needs": ["information", "respite"]', '"needs": "information"'))
rel('language-invalid', ('"languages": ["da"]', '"languages": ["da", "d a"]'))
rel('unknown-key-strict', ('"employed": true,', '"employed": true,\n  "cpr": "010101-1234",'), strict=True)
rel('unknown-relation-key-strict', ('"terminal": false', '"terminal": false, "dying": true'), strict=True)

os.makedirs(OUT, exist_ok=True)
for name, (data, strict) in sorted(cases.items()):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'input.json'), 'wb') as f: f.write(data)
    if strict:
        with open(os.path.join(d, 'flags'), 'w') as f: f.write('strict\n')
print(len(cases), 'cases')
