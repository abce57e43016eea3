#!/usr/bin/env python3
"""Verify a Manasik draw from its published files alone.

    python3 verify.py DIR_OR_URL

A second, independent implementation of docs/algorithms/draw.md
(manasik-draw/2), written from that page, in Python 3 with the standard
library only. DIR_OR_URL is a folder holding the files, or the address of a
server's files, such as https://manasik.example/api/v1/seasons/1448H/draw/files.

Prints IDENTICAL (exit status 0) or "DIFFERENT: <file>[ line N]: <what>"
(exit status 1) on its first line, then what it checked; when the files
cannot be read at all it says why and exits with status 2. It cannot check the
BLS12-381 signature of a drand round (Python's standard library has no
pairing): it says so, and checks everything else.
"""

import calendar
import hashlib
import json
import os
import re
import struct
import sys
import time
import urllib.error
import urllib.request

ALGORITHM = "manasik-draw/2"
FILES = ["commitment.json", "parameters.json", "entries.ndjson", "seed.json", "results.ndjson"]
LATER = {"seed.json", "results.ndjson"}  # published after the freeze: may be missing

# The beacons this verifier knows, from its own copy of their published information (§5.1).
BEACONS = {
    "quicknet": {
        "chainHash": "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
        "scheme": "bls-unchained-g1-rfc9380",
        "publicKey": "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c"
                     "8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb"
                     "5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
        "genesisTime": 1692803367,
        "period": 3,
    },
}

MAX_INT = 2**53 - 1
MAX_SEATS = 1_000_000_000
HEX64 = re.compile(r"[0-9a-f]{64}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
COUNTRY = re.compile(r"[A-Z]{2}")
POOL = re.compile(r"[a-z][a-z0-9_]{1,30}")
SEASON = re.compile(r"[0-9]{4}H")
TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z")
PRINTABLE = re.compile(r"[ -~]*")
PROSE = re.compile(r"[^\x00-\x1f\x7f]+")


class Unreadable(Exception):
    """A file that cannot be read at all (no verdict: exit status 2)."""


class Different(Exception):
    """The first difference: the file, the line where there is one, and what differs."""

    def __init__(self, file, what, line=None):
        super().__init__(what)
        self.file, self.what, self.line = file, what, line

    def __str__(self):
        where = self.file if self.line is None else f"{self.file} line {self.line}"
        return f"{where}: {self.what}"


def sha256(data):
    return hashlib.sha256(data).digest()


# ---------------------------------------------------------------- reading (§8)

def read_files(source):
    """Each file's bytes, or None when it is not published yet."""
    found = {}
    for name in FILES:
        if re.match(r"https?://", source):
            try:
                with urllib.request.urlopen(source.rstrip("/") + "/" + name) as answer:
                    found[name] = answer.read()
            except urllib.error.HTTPError as error:
                if name in LATER and error.code in (404, 409):
                    found[name] = None
                else:
                    raise Unreadable(f"{name}: HTTP {error.code}")
            except urllib.error.URLError as error:
                raise Unreadable(f"{name}: {error.reason}")
        else:
            path = os.path.join(source, name)
            found[name] = open(path, "rb").read() if os.path.exists(path) else None
    return found


def text_of(name, data):
    try:
        return data.decode("utf-8")  # strict; a byte-order mark stays, and is then not JSON
    except UnicodeDecodeError:
        raise Different(name, "is not UTF-8")


def canonical(value):
    """RFC 8785 for the values of these files (§2): sorted keys, no whitespace, integers, unescaped non-ASCII."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=True)


def parse_canonical(name, text, line=None):
    try:
        value = json.loads(text)
    except ValueError as error:
        raise Different(name, f"is not JSON ({error})", line)
    if canonical(value) != text:
        raise Different(name, "is not canonical JSON (RFC 8785)", line)
    return value


def ndjson_lines(name, text):
    """Lines of an .ndjson file: the last ends with a line feed, none is empty (§2)."""
    if text == "":
        return []
    lines = text.split("\n")
    if lines.pop() != "":
        raise Different(name, "does not end with a line feed", len(lines) + 1)
    for number, line in enumerate(lines, start=1):
        if line == "":
            raise Different(name, "is empty", number)
    return lines


# ------------------------------------------------------------ schemas (§4–§7)

def is_int(value, low, high):
    return type(value) is int and low <= value <= high


def is_str(value, pattern):
    return type(value) is str and pattern.fullmatch(value) is not None


def exact_keys(name, value, required, optional=(), line=None, where="/"):
    if type(value) is not dict:
        raise Different(name, f"{where} must be an object", line)
    missing = [k for k in required if k not in value]
    extra = [k for k in value if k not in required and k not in optional]
    if missing or extra:
        raise Different(name, f"{where} must have the keys {sorted(required)}" + (f" (optionally {sorted(optional)})" if optional else ""), line)


def require(condition, name, what, line=None):
    if not condition:
        raise Different(name, what, line)


def check_commitment_schema(c):
    n = "commitment.json"
    exact_keys(n, c, ["algorithm", "season", "frozenAt", "entryCount", "entriesHash", "merkleRoot", "parametersHash", "randomness"])
    require(is_str(c["season"], SEASON), n, "season must be like 1448H")
    require(is_str(c["frozenAt"], TIME), n, "frozenAt must be a UTC time with milliseconds")
    require(is_int(c["entryCount"], 0, MAX_INT), n, "entryCount must be a count")
    for key in ("entriesHash", "merkleRoot", "parametersHash"):
        require(is_str(c[key], HEX64), n, f"{key} must be 64 lower-case hex digits")
    r = c["randomness"]
    if type(r) is dict and r.get("kind") == "drand":
        exact_keys(n, r, ["kind", "chain", "chainHash", "scheme", "publicKey", "genesisTime", "period", "delaySeconds", "round", "roundTime", "url"], where="/randomness")
        require(is_str(r["chain"], PRINTABLE) and is_str(r["url"], PRINTABLE), n, "randomness.chain and url must be printable ASCII")
        require(is_str(r["chainHash"], HEX64), n, "randomness.chainHash must be 64 hex digits")
        require(r["scheme"] == "bls-unchained-g1-rfc9380", n, "randomness.scheme must be bls-unchained-g1-rfc9380")
        require(is_str(r["publicKey"], re.compile(r"[0-9a-f]{192}")), n, "randomness.publicKey must be 192 hex digits")
        for key in ("genesisTime", "period", "round"):
            require(is_int(r[key], 1, MAX_INT), n, f"randomness.{key} must be a positive integer")
        require(is_int(r["delaySeconds"], 0, MAX_INT), n, "randomness.delaySeconds must be a count")
        require(is_str(r["roundTime"], TIME), n, "randomness.roundTime must be a UTC time with milliseconds")
    elif type(r) is dict and r.get("kind") == "declared":
        exact_keys(n, r, ["kind", "description", "notBefore"], where="/randomness")
        require(is_str(r["description"], PROSE), n, "randomness.description must be text without control characters")
        require(is_str(r["notBefore"], TIME), n, "randomness.notBefore must be a UTC time with milliseconds")
    else:
        raise Different(n, "randomness must be a drand or a declared source")


def check_parameters_schema(p):
    n = "parameters.json"
    exact_keys(n, p, ["packages", "pools", "quotas"])
    require(type(p["packages"]) is list and type(p["pools"]) is list and type(p["quotas"]) is list, n, "packages, pools and quotas must be lists")
    for i, pkg in enumerate(p["packages"]):
        exact_keys(n, pkg, ["id", "seats"], where=f"/packages/{i}")
        require(is_str(pkg["id"], UUID) and is_int(pkg["seats"], 0, MAX_SEATS), n, f"packages[{i}] must be a package id and its seats")
    require(len(p["pools"]) >= 1, n, "there must be at least one pool")
    for i, pool in enumerate(p["pools"]):
        exact_keys(n, pool, ["code"], ["shareBps"], where=f"/pools/{i}")
        require(is_str(pool["code"], POOL) and pool["code"] != "open", n, f"pools[{i}].code must be a pool code")
        require("shareBps" not in pool or is_int(pool["shareBps"], 1, 9999), n, f"pools[{i}].shareBps must be 1…9999")
    for i, quota in enumerate(p["quotas"]):
        exact_keys(n, quota, ["country", "seats"], where=f"/quotas/{i}")
        require(is_str(quota["country"], COUNTRY) and is_int(quota["seats"], 0, MAX_SEATS), n, f"quotas[{i}] must be a country and its seats")


def check_entry_schema(e, line):
    n = "entries.ndjson"
    exact_keys(n, e, ["choices", "country", "id", "pool", "size"], line=line)
    require(is_str(e["id"], UUID), n, "id must be a lower-case UUID", line)
    require(is_str(e["country"], COUNTRY), n, "country must be two capital letters", line)
    require(is_str(e["pool"], POOL) and e["pool"] != "open", n, "pool must be a pool code", line)
    require(is_int(e["size"], 1, 8), n, "size must be 1…8", line)
    choices = e["choices"]
    require(type(choices) is list and len(choices) >= 1 and all(is_str(c, UUID) for c in choices), n, "choices must be package ids, at least one", line)
    require(len(set(choices)) == len(choices), n, "choices must not repeat a package", line)


def check_seed_schema(s):
    n = "seed.json"
    exact_keys(n, s, ["season", "commitmentHash", "randomness", "value", "seed"])
    require(is_str(s["season"], SEASON), n, "season must be like 1448H")
    require(is_str(s["commitmentHash"], HEX64) and is_str(s["seed"], HEX64), n, "commitmentHash and seed must be 64 hex digits")
    require(is_str(s["value"], re.compile(r"[ -~]{1,200}")), n, "value must be 1…200 printable ASCII characters")
    r = s["randomness"]
    if type(r) is dict and r.get("kind") == "drand":
        exact_keys(n, r, ["kind", "round", "signature", "randomness"], where="/randomness")
        require(is_int(r["round"], 1, MAX_INT), n, "randomness.round must be a positive integer")
        require(is_str(r["signature"], re.compile(r"[0-9a-f]{96}")), n, "randomness.signature must be 96 hex digits")
        require(is_str(r["randomness"], HEX64), n, "randomness.randomness must be 64 hex digits")
    elif type(r) is dict and r.get("kind") == "declared":
        exact_keys(n, r, ["kind", "source"], where="/randomness")
        require(is_str(r["source"], PROSE), n, "randomness.source must be text without control characters")
    else:
        raise Different(n, "randomness must be a drand or a declared value")


# ------------------------------------------------------- the random value (§5)

def millis(text):
    y, mo, d, h, mi, s, ms = (int(x) for x in TIME.fullmatch(text).groups())
    return calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) * 1000 + ms


def iso(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + f".{ms % 1000:03d}Z"


def named_round(genesis, period, at_ms):
    """The first round published at or after at_ms: 1, or ⌈(T − G) / period⌉ + 1, in milliseconds."""
    since = at_ms - genesis * 1000
    if since <= 0:
        return 1
    step = period * 1000
    return (since + step - 1) // step + 1


def check_source(c, notes):
    r = c["randomness"]
    if r["kind"] != "drand":
        return
    n = "commitment.json"
    beacon = BEACONS.get(r["chain"])
    require(beacon is not None, n, f"unknown beacon {r['chain']!r} (this verifier knows {', '.join(BEACONS)})")
    for key in ("chainHash", "scheme", "publicKey", "genesisTime", "period"):
        require(r[key] == beacon[key], n, f"randomness.{key} is not {r['chain']}'s published {key}")
    try:
        frozen = millis(c["frozenAt"])
    except ValueError:
        raise Different(n, f"frozenAt {c['frozenAt']} is not a date")
    expected = named_round(beacon["genesisTime"], beacon["period"], frozen + r["delaySeconds"] * 1000)
    require(r["round"] == expected, n, f"names round {r['round']}; the first round at or after the freeze plus {r['delaySeconds']} s is {expected}")
    when = iso((beacon["genesisTime"] + (expected - 1) * beacon["period"]) * 1000)
    require(r["roundTime"] == when, n, f"round {expected} is published at {when}, not {r['roundTime']}")
    notes.append(f"checked: the commitment names {r['chain']} round {expected}, the first published at or after the freeze plus {r['delaySeconds']} s ({when})")


def check_seed(s, c, commitment_bytes, root, notes):
    n = "seed.json"
    require(s["season"] == c["season"], n, f"season {s['season']}, the commitment's is {c['season']}")
    require(s["commitmentHash"] == sha256(commitment_bytes).hex(), n, "commitmentHash is not the SHA-256 of commitment.json")
    named, entered = c["randomness"], s["randomness"]
    require(named["kind"] == entered["kind"], n, f"a {entered['kind']} value, but the commitment named a {named['kind']} source")
    if named["kind"] == "drand":
        require(entered["round"] == named["round"], n, f"round {entered['round']} is not the round the commitment named ({named['round']})")
        randomness = sha256(bytes.fromhex(entered["signature"])).hex()
        require(entered["randomness"] == randomness, n, f"randomness is not the SHA-256 of the signature ({randomness})")
        require(s["value"] == randomness, n, "value is not the round's randomness")
        notes.append(f"checked: the value is the randomness (SHA-256 of the signature) of {named['chain']} round {named['round']}, the round named")
        notes.append(f"NOT CHECKED HERE: the round's BLS12-381 signature (no pairing in Python's standard library); "
                     f"check it with `npx manasik draw verify`, or compare the signature with {named['url']}")
    else:
        notes.append(f"NOT CHECKED HERE: the declared value {s['value']!r} must be checked at its source: {entered['source']} "
                     f"(the commitment described it as: {named['description']})")
    seed = sha256(bytes.fromhex(root) + s["value"].encode("ascii")).hex()
    require(s["seed"] == seed, n, f"seed is not SHA-256(Merkle root ‖ value) = {seed}")
    notes.append(f"checked: seed = SHA-256(Merkle root ‖ value) = {seed}")


# ------------------------------------------------------------ the tree (§4.1)

def merkle_root(records):
    level = [sha256(b"\x00" + r.encode("utf-8")) for r in records]
    if not level:
        return sha256(b"").hex()
    while len(level) > 1:
        paired = [sha256(b"\x01" + level[i] + level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])  # carried up unchanged
        level = paired
    return level[0].hex()


# --------------------------------------------------------- the order (§6.1–2)

class Stream:
    """32-bit words from SHA-256(seed ‖ counter as 8 bytes big-endian), eight per block."""

    def __init__(self, seed_hex):
        self.seed = bytes.fromhex(seed_hex)
        self.counter = 0
        self.words = []

    def word(self):
        if not self.words:
            block = sha256(self.seed + struct.pack(">Q", self.counter))
            self.counter += 1
            self.words = list(reversed(struct.unpack(">8I", block)))
        return self.words.pop()

    def below(self, n):
        if n == 1:
            return 0
        limit = 2**32 - (2**32 % n)
        while True:
            x = self.word()
            if x < limit:
                return x % n


def draw_order(seed_hex, count):
    order = list(range(count))
    stream = Stream(seed_hex)
    for i in range(count - 1, 0, -1):
        j = stream.below(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


# ---------------------------------------------------------- allocation (§6.3)

def allocate(entries, order, p):
    seats = {pkg["id"]: pkg["seats"] for pkg in p["packages"]}
    quota = {q["country"]: q["seats"] for q in p["quotas"]}
    left, quota_left = dict(seats), dict(quota)
    placed = {}  # leaf index → (package, rank, phase)
    phases = [(pool["code"], pool["shareBps"]) for pool in p["pools"] if "shareBps" in pool] + [("open", None)]
    for code, share in phases:
        if share is None:
            budget, quota_budget = left, quota_left
        else:
            budget = {k: min(left[k], share * seats[k] // 10000) for k in seats}
            quota_budget = {k: min(quota_left[k], share * quota[k] // 10000) for k in quota}
        for leaf in order:
            e = entries[leaf]
            if leaf in placed or (share is not None and e["pool"] != code):
                continue
            size, country = e["size"], e["country"]
            if quota_budget.get(country, -1) < size:
                continue
            for rank, pkg in enumerate(e["choices"], start=1):
                if budget[pkg] >= size:
                    budget[pkg] -= size
                    quota_budget[country] -= size
                    if share is not None:
                        left[pkg] -= size
                        quota_left[country] -= size
                    placed[leaf] = (pkg, rank, code)
                    break
    lines, waiting = [], 0
    for place, leaf in enumerate(order, start=1):
        won = placed.get(leaf)
        if won:
            line = {"id": entries[leaf]["id"], "outcome": "won", "package": won[0], "phase": won[2], "place": place, "rank": won[1], "waitlist": None}
        else:
            waiting += 1
            line = {"id": entries[leaf]["id"], "outcome": "waiting", "package": None, "phase": None, "place": place, "rank": None, "waitlist": waiting}
        lines.append(canonical(line))
    return lines, len(placed)


# ------------------------------------------------------------- the steps (§8)

def verify(files):
    notes = []
    # 1. commitment.json
    n = "commitment.json"
    require(files[n] is not None, n, "is missing")
    c = parse_canonical(n, text_of(n, files[n]))
    require(type(c) is dict and c.get("algorithm") == ALGORITHM, n, f"this verifier implements {ALGORITHM}")
    check_commitment_schema(c)

    # 2. parameters.json
    n = "parameters.json"
    require(files[n] is not None, n, "is missing")
    text = text_of(n, files[n])
    require(sha256(files[n]).hex() == c["parametersHash"], n, "its SHA-256 is not the commitment's parametersHash")
    p = parse_canonical(n, text)
    check_parameters_schema(p)
    for key, field in (("packages", "id"), ("quotas", "country")):
        keys = [x[field] for x in p[key]]
        for i in range(1, len(keys)):
            require(keys[i - 1] < keys[i], n, f"{key}[{i}] does not come after {key}[{i - 1}] (ascending {field}, each once)")
    codes = [pool["code"] for pool in p["pools"]]
    require(len(set(codes)) == len(codes), n, "a pool appears twice")
    require(sum(pool.get("shareBps", 0) for pool in p["pools"]) <= 10000, n, "the reserved shares add up to more than 10000 basis points")

    # 3. entries.ndjson
    n = "entries.ndjson"
    require(files[n] is not None, n, "is missing")
    records = ndjson_lines(n, text_of(n, files[n]))
    packages, pools = {x["id"] for x in p["packages"]}, set(codes)
    entries = []
    for number, record in enumerate(records, start=1):
        e = parse_canonical(n, record, number)
        check_entry_schema(e, number)
        require(not entries or entries[-1]["id"] < e["id"], n, f"id {e['id']} does not come after the previous line's (ascending id, each once)", number)
        require(e["pool"] in pools, n, f"pool {e['pool']} is not in parameters.json", number)
        require(all(choice in packages for choice in e["choices"]), n, "a choice is not a package of parameters.json", number)
        entries.append(e)
    require(len(entries) == c["entryCount"], n, f"{len(entries)} lines; the commitment says {c['entryCount']} entries")
    require(sha256(files[n]).hex() == c["entriesHash"], n, "its SHA-256 is not the commitment's entriesHash")

    # 4. the source named at the freeze
    check_source(c, notes)

    # 5. the Merkle root
    root = merkle_root(records)
    require(root == c["merkleRoot"], n, f"the Merkle root of the lines is {root}, not the commitment's")

    # 6. seed.json
    if files["seed.json"] is None:
        require(files["results.ndjson"] is None, "results.ndjson", "is published without seed.json")
        return "the freeze's files (no random value yet)", len(entries), None, root, None, notes
    n = "seed.json"
    s = parse_canonical(n, text_of(n, files[n]))
    check_seed_schema(s)
    check_seed(s, c, files["commitment.json"], root, notes)
    if files["results.ndjson"] is None:
        return "the freeze's files and the random value (no results yet)", len(entries), None, root, s["seed"], notes

    # 7. results.ndjson, byte for byte, line by line
    n = "results.ndjson"
    found = ndjson_lines(n, text_of(n, files[n]))
    expected, winners = allocate(entries, draw_order(s["seed"], len(entries)), p)
    for number, (want, got) in enumerate(zip(expected, found), start=1):
        require(want == got, n, f"expected {want}, found {got}", number)
    require(len(found) <= len(expected), n, f"one line too many ({len(found)} lines for {len(expected)} entries)", len(expected) + 1)
    require(len(found) >= len(expected), n, f"{len(found)} lines for {len(expected)} entries", len(found) + 1)
    return "every file", len(entries), winners, root, s["seed"], notes


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: python3 verify.py DIR_OR_URL", file=sys.stderr)
        return 2
    started = time.time()
    try:
        files = read_files(argv[1])
    except Unreadable as error:
        print(f"cannot read the files: {error}", file=sys.stderr)
        return 2
    try:
        stage, count, winners, root, seed, notes = verify(files)
    except Different as difference:
        print(f"DIFFERENT: {difference}")
        return 1
    print("IDENTICAL")
    won = "" if winners is None else f", {winners} winners"
    print(f"checked {stage}: {count} entries{won}; Merkle root {root}" + (f"; seed {seed}" if seed else "") + f" ({time.time() - started:.1f} s)")
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
