"""Regenerate ``data/countries.yaml``: countries and their capitals.

Development tool, not used at run time. Country names in German and English come from
the Unicode CLDR territory names shipped with Babel (``pip install babel``); the Wikidata
ids, capitals, adjectives and extra aliases below are written by the lagebild team.

    python -m lagebild.kb.build_countries > src/lagebild/kb/data/countries.yaml
"""

from __future__ import annotations

import sys

# iso2: (country QID, capital QID or None, capital English name, capital German name or None)
COUNTRIES: dict[str, tuple[str, str | None, str, str | None]] = {
    "AF": ("Q889", "Q5838", "Kabul", None), "AL": ("Q222", "Q19689", "Tirana", None),
    "DZ": ("Q262", "Q3561", "Algiers", "Algier"), "AD": ("Q228", "Q1863", "Andorra la Vella", None),
    "AO": ("Q916", "Q3897", "Luanda", None), "AG": ("Q781", "Q36262", "St. John's", None),
    "AR": ("Q414", "Q1486", "Buenos Aires", None), "AM": ("Q399", "Q1953", "Yerevan", "Eriwan"),
    "AU": ("Q408", "Q3114", "Canberra", None), "AT": ("Q40", "Q1741", "Vienna", "Wien"),
    "AZ": ("Q227", "Q9248", "Baku", None), "BS": ("Q778", "Q2467", "Nassau", None),
    "BH": ("Q398", "Q3882", "Manama", None), "BD": ("Q902", "Q1354", "Dhaka", "Dhaka"),
    "BB": ("Q244", "Q36168", "Bridgetown", None), "BY": ("Q184", "Q2280", "Minsk", None),
    "BE": ("Q31", "Q239", "Brussels", "Brüssel"), "BZ": ("Q242", "Q3043", "Belmopan", None),
    "BJ": ("Q962", "Q3799", "Porto-Novo", None), "BT": ("Q917", "Q9270", "Thimphu", None),
    "BO": ("Q750", "Q2907", "Sucre", None), "BA": ("Q225", "Q11194", "Sarajevo", None),
    "BW": ("Q963", "Q3919", "Gaborone", None), "BR": ("Q155", "Q2844", "Brasília", None),
    "BN": ("Q921", "Q9279", "Bandar Seri Begawan", None), "BG": ("Q219", "Q472", "Sofia", None),
    "BF": ("Q965", "Q3777", "Ouagadougou", None), "BI": ("Q967", "Q167551", "Gitega", None),
    "KH": ("Q424", "Q1850", "Phnom Penh", None), "CM": ("Q1009", "Q3808", "Yaoundé", "Jaunde"),
    "CA": ("Q16", "Q1930", "Ottawa", None), "CV": ("Q1011", "Q3751", "Praia", None),
    "CF": ("Q929", "Q3832", "Bangui", None), "TD": ("Q657", "Q3659", "N'Djamena", None),
    "CL": ("Q298", "Q2887", "Santiago de Chile", None), "CN": ("Q148", "Q956", "Beijing", "Peking"),
    "CO": ("Q739", "Q2841", "Bogotá", None), "KM": ("Q970", "Q3901", "Moroni", None),
    "CG": ("Q971", "Q3844", "Brazzaville", None), "CD": ("Q974", "Q3838", "Kinshasa", None),
    "CR": ("Q800", "Q3070", "San José", None), "CI": ("Q1008", "Q3768", "Yamoussoukro", None),
    "HR": ("Q224", "Q1435", "Zagreb", None), "CU": ("Q241", "Q1563", "Havana", "Havanna"),
    "CY": ("Q229", "Q3856", "Nicosia", "Nikosia"), "CZ": ("Q213", "Q1085", "Prague", "Prag"),
    "DK": ("Q35", "Q1748", "Copenhagen", "Kopenhagen"), "DJ": ("Q977", "Q3604", "Djibouti", "Dschibuti"),
    "DM": ("Q784", "Q36281", "Roseau", None), "DO": ("Q786", "Q34820", "Santo Domingo", None),
    "EC": ("Q736", "Q2900", "Quito", None), "EG": ("Q79", "Q85", "Cairo", "Kairo"),
    "SV": ("Q792", "Q3110", "San Salvador", None), "GQ": ("Q983", "Q3818", "Malabo", None),
    "ER": ("Q986", "Q3642", "Asmara", None), "EE": ("Q191", "Q1770", "Tallinn", None),
    "SZ": ("Q1050", None, "Mbabane", None), "ET": ("Q115", "Q3624", "Addis Ababa", "Addis Abeba"),
    "FJ": ("Q712", "Q38807", "Suva", None), "FI": ("Q33", "Q1757", "Helsinki", None),
    "FR": ("Q142", "Q90", "Paris", None), "GA": ("Q1000", "Q3825", "Libreville", None),
    "GM": ("Q1005", "Q3726", "Banjul", None), "GE": ("Q230", "Q994", "Tbilisi", "Tiflis"),
    "DE": ("Q183", "Q64", "Berlin", None), "GH": ("Q117", "Q3761", "Accra", "Accra"),
    "GR": ("Q41", "Q1524", "Athens", "Athen"), "GD": ("Q769", "Q41547", "St. George's", None),
    "GT": ("Q774", "Q1555", "Guatemala City", "Guatemala-Stadt"), "GN": ("Q1006", "Q3733", "Conakry", None),
    "GW": ("Q1007", "Q3739", "Bissau", None), "GY": ("Q734", "Q10717", "Georgetown", None),
    "HT": ("Q790", "Q34261", "Port-au-Prince", None), "HN": ("Q783", "Q3238", "Tegucigalpa", None),
    "HU": ("Q28", "Q1781", "Budapest", None), "IS": ("Q189", "Q1764", "Reykjavík", None),
    "IN": ("Q668", "Q987", "New Delhi", "Neu-Delhi"), "ID": ("Q252", "Q3630", "Jakarta", None),
    "IR": ("Q794", "Q3616", "Tehran", "Teheran"), "IQ": ("Q796", "Q1530", "Baghdad", "Bagdad"),
    "IE": ("Q27", "Q1761", "Dublin", None), "IL": ("Q801", "Q1218", "Jerusalem", None),
    "IT": ("Q38", "Q220", "Rome", "Rom"), "JM": ("Q766", "Q34692", "Kingston", None),
    "JP": ("Q17", "Q1490", "Tokyo", "Tokio"), "JO": ("Q810", "Q3805", "Amman", None),
    "KZ": ("Q232", "Q1520", "Astana", None), "KE": ("Q114", "Q3870", "Nairobi", None),
    "KI": ("Q710", "Q131233", "South Tarawa", None), "KP": ("Q423", "Q18808", "Pyongyang", "Pjöngjang"),
    "KR": ("Q884", "Q8684", "Seoul", None), "KW": ("Q817", "Q35178", "Kuwait City", "Kuwait-Stadt"),
    "KG": ("Q813", "Q9361", "Bishkek", "Bischkek"), "LA": ("Q819", "Q9326", "Vientiane", None),
    "LV": ("Q211", "Q1773", "Riga", None), "LB": ("Q822", "Q3820", "Beirut", None),
    "LS": ("Q1013", "Q3909", "Maseru", None), "LR": ("Q1014", "Q3748", "Monrovia", None),
    "LY": ("Q1016", "Q3579", "Tripoli", "Tripolis"), "LI": ("Q347", "Q1844", "Vaduz", None),
    "LT": ("Q37", "Q216", "Vilnius", "Wilna"), "LU": ("Q32", "Q1842", "Luxembourg City", "Luxemburg-Stadt"),
    "MG": ("Q1019", "Q3915", "Antananarivo", None), "MW": ("Q1020", "Q3876", "Lilongwe", None),
    "MY": ("Q833", "Q1865", "Kuala Lumpur", None), "MV": ("Q826", "Q9347", "Malé", None),
    "ML": ("Q912", "Q3703", "Bamako", None), "MT": ("Q233", "Q23800", "Valletta", None),
    "MH": ("Q709", "Q12919", "Majuro", None), "MR": ("Q1025", "Q3688", "Nouakchott", None),
    "MU": ("Q1027", "Q3929", "Port Louis", None), "MX": ("Q96", "Q1489", "Mexico City", "Mexiko-Stadt"),
    "FM": ("Q702", "Q42751", "Palikir", None), "MD": ("Q217", "Q21197", "Chișinău", "Chisinau"),
    "MC": ("Q235", None, "Monaco", None), "MN": ("Q711", "Q23430", "Ulaanbaatar", "Ulan Bator"),
    "ME": ("Q236", "Q23564", "Podgorica", None), "MA": ("Q1028", "Q3551", "Rabat", None),
    "MZ": ("Q1029", "Q3889", "Maputo", None), "MM": ("Q836", "Q37400", "Naypyidaw", None),
    "NA": ("Q1030", "Q3935", "Windhoek", None), "NR": ("Q697", None, "Yaren", None),
    "NP": ("Q837", "Q3037", "Kathmandu", None), "NL": ("Q55", "Q727", "Amsterdam", None),
    "NZ": ("Q664", "Q23661", "Wellington", None), "NI": ("Q811", "Q3274", "Managua", None),
    "NE": ("Q1032", "Q3674", "Niamey", None), "NG": ("Q1033", "Q3787", "Abuja", None),
    "MK": ("Q221", "Q384", "Skopje", None), "NO": ("Q20", "Q585", "Oslo", None),
    "OM": ("Q842", "Q3826", "Muscat", "Maskat"), "PK": ("Q843", "Q1362", "Islamabad", None),
    "PW": ("Q695", "Q515229", "Ngerulmud", None), "PA": ("Q804", "Q3306", "Panama City", "Panama-Stadt"),
    "PG": ("Q691", "Q36526", "Port Moresby", None), "PY": ("Q733", "Q2933", "Asunción", None),
    "PE": ("Q419", "Q2868", "Lima", None), "PH": ("Q928", "Q1461", "Manila", None),
    "PL": ("Q36", "Q270", "Warsaw", "Warschau"), "PT": ("Q45", "Q597", "Lisbon", "Lissabon"),
    "QA": ("Q846", "Q3861", "Doha", None), "RO": ("Q218", "Q19660", "Bucharest", "Bukarest"),
    "RU": ("Q159", "Q649", "Moscow", "Moskau"), "RW": ("Q1037", "Q3859", "Kigali", None),
    "KN": ("Q763", "Q41295", "Basseterre", None), "LC": ("Q760", "Q41699", "Castries", None),
    "VC": ("Q757", "Q41474", "Kingstown", None), "WS": ("Q683", "Q36260", "Apia", None),
    "SM": ("Q238", None, "City of San Marino", None), "ST": ("Q1039", "Q3932", "São Tomé", None),
    "SA": ("Q851", "Q3692", "Riyadh", "Riad"), "SN": ("Q1041", "Q3718", "Dakar", None),
    "RS": ("Q403", "Q3711", "Belgrade", "Belgrad"), "SC": ("Q1042", "Q3940", "Victoria", None),
    "SL": ("Q1044", "Q3780", "Freetown", None), "SG": ("Q334", None, "Singapore", None),
    "SK": ("Q214", "Q1780", "Bratislava", "Pressburg"), "SI": ("Q215", "Q437", "Ljubljana", "Laibach"),
    "SB": ("Q685", "Q40921", "Honiara", None), "SO": ("Q1045", "Q2449", "Mogadishu", "Mogadischu"),
    "ZA": ("Q258", None, "Pretoria", None), "SS": ("Q958", "Q1947", "Juba", None),
    "ES": ("Q29", "Q2807", "Madrid", None), "LK": ("Q854", "Q41963", "Sri Jayawardenepura Kotte", None),
    "SD": ("Q1049", "Q1963", "Khartoum", "Khartum"), "SR": ("Q730", "Q3001", "Paramaribo", None),
    "SE": ("Q34", "Q1754", "Stockholm", None), "CH": ("Q39", "Q70", "Bern", None),
    "SY": ("Q858", "Q3766", "Damascus", "Damaskus"), "TW": ("Q865", "Q1867", "Taipei", "Taipeh"),
    "TJ": ("Q863", "Q9365", "Dushanbe", "Duschanbe"), "TZ": ("Q924", "Q3866", "Dodoma", None),
    "TH": ("Q869", "Q1861", "Bangkok", None), "TL": ("Q574", "Q9310", "Dili", None),
    "TG": ("Q945", "Q3792", "Lomé", None), "TO": ("Q678", "Q38834", "Nuku'alofa", None),
    "TT": ("Q754", "Q39178", "Port of Spain", None), "TN": ("Q948", "Q3572", "Tunis", None),
    "TR": ("Q43", "Q3640", "Ankara", None), "TM": ("Q874", "Q23438", "Ashgabat", "Aschgabat"),
    "TV": ("Q672", "Q34126", "Funafuti", None), "UG": ("Q1036", "Q3894", "Kampala", None),
    "UA": ("Q212", "Q1899", "Kyiv", "Kiew"), "AE": ("Q878", "Q1519", "Abu Dhabi", "Abu Dhabi"),
    "GB": ("Q145", "Q84", "London", None), "US": ("Q30", "Q61", "Washington, D.C.", None),
    "UY": ("Q77", "Q1335", "Montevideo", None), "UZ": ("Q265", "Q269", "Tashkent", "Taschkent"),
    "VU": ("Q686", "Q37806", "Port Vila", None), "VA": ("Q237", None, "Vatican City", None),
    "VE": ("Q717", "Q1533", "Caracas", None), "VN": ("Q881", "Q1858", "Hanoi", None),
    "YE": ("Q805", None, "Sanaa", None), "ZM": ("Q953", "Q3881", "Lusaka", None),
    "ZW": ("Q954", "Q3921", "Harare", None), "XK": ("Q1246", None, "Pristina", "Pristina"),
    "PS": ("Q219060", None, "Ramallah", None), "GL": ("Q223", None, "Nuuk", None),
}

# Extra names (both languages) and the adjectives / compound prefixes that qualify role
# words ("russische Präsident", "US-Präsident", "Russian President").
EXTRA: dict[str, dict[str, list[str]]] = {
    "US": {"aliases": ["USA", "US", "U.S.", "Vereinigte Staaten von Amerika", "United States of America", "Amerika", "America"],
           "adjectives": ["amerikanisch", "US-amerikanisch", "American", "U.S."], "prefixes": ["US", "USA", "U.S."]},
    "RU": {"aliases": ["Russische Föderation", "Russian Federation", "Россия"], "adjectives": ["russisch", "Russian"], "prefixes": ["Russland", "Moskau"]},
    "UA": {"aliases": ["Україна"], "adjectives": ["ukrainisch", "Ukrainian"], "prefixes": ["Kiew", "Kyjiw"]},
    "DE": {"aliases": ["Germany", "Bundesrepublik", "Bundesrepublik Deutschland", "BRD"], "adjectives": ["deutsch", "German"], "prefixes": ["Bundes"]},
    "FR": {"adjectives": ["französisch", "French"], "prefixes": ["Paris"]},
    "GB": {"aliases": ["Großbritannien", "Britain", "Great Britain", "UK", "U.K.", "Vereinigtes Königreich"], "adjectives": ["britisch", "British"], "prefixes": ["UK", "GB"]},
    "CN": {"aliases": ["Volksrepublik China", "People's Republic of China", "VR China"], "adjectives": ["chinesisch", "Chinese"], "prefixes": ["Peking"]},
    "IT": {"adjectives": ["italienisch", "Italian"]}, "ES": {"adjectives": ["spanisch", "Spanish"]},
    "PL": {"adjectives": ["polnisch", "Polish"]}, "AT": {"adjectives": ["österreichisch", "Austrian"]},
    "CH": {"adjectives": ["schweizerisch", "Schweizer", "Swiss"]}, "NL": {"aliases": ["Holland"], "adjectives": ["niederländisch", "Dutch"]},
    "BE": {"adjectives": ["belgisch", "Belgian"]}, "DK": {"adjectives": ["dänisch", "Danish"]},
    "SE": {"adjectives": ["schwedisch", "Swedish"]}, "NO": {"adjectives": ["norwegisch", "Norwegian"]},
    "FI": {"adjectives": ["finnisch", "Finnish"]}, "CZ": {"aliases": ["Tschechische Republik", "Czech Republic"], "adjectives": ["tschechisch", "Czech"]},
    "SK": {"adjectives": ["slowakisch", "Slovak"]}, "HU": {"adjectives": ["ungarisch", "Hungarian"]},
    "RO": {"adjectives": ["rumänisch", "Romanian"]}, "BG": {"adjectives": ["bulgarisch", "Bulgarian"]},
    "GR": {"adjectives": ["griechisch", "Greek"]}, "TR": {"aliases": ["Turkey", "Türkiye", "Türkei"], "adjectives": ["türkisch", "Turkish"], "prefixes": ["Ankara"]},
    "IE": {"adjectives": ["irisch", "Irish"]}, "PT": {"adjectives": ["portugiesisch", "Portuguese"]},
    "EE": {"adjectives": ["estnisch", "Estonian"]}, "LV": {"adjectives": ["lettisch", "Latvian"]},
    "LT": {"adjectives": ["litauisch", "Lithuanian"]}, "BY": {"aliases": ["Weißrussland", "Белару́сь", "Беларусь"], "adjectives": ["belarussisch", "weißrussisch", "Belarusian"]},
    "MD": {"adjectives": ["moldauisch", "Moldovan"], "aliases": ["Moldawien", "Republik Moldau"]},
    "GE": {"adjectives": ["georgisch", "Georgian"]}, "RS": {"adjectives": ["serbisch", "Serbian"]},
    "HR": {"adjectives": ["kroatisch", "Croatian"]}, "SI": {"adjectives": ["slowenisch", "Slovenian"]},
    "JP": {"adjectives": ["japanisch", "Japanese"]}, "KR": {"aliases": ["Republik Korea", "Republic of Korea"], "adjectives": ["südkoreanisch", "South Korean"]},
    "KP": {"adjectives": ["nordkoreanisch", "North Korean"]}, "IN": {"adjectives": ["indisch", "Indian"]},
    "PK": {"adjectives": ["pakistanisch", "Pakistani"]}, "IR": {"adjectives": ["iranisch", "Iranian"], "prefixes": ["Teheran"]},
    "IL": {"adjectives": ["israelisch", "Israeli"]}, "PS": {"aliases": ["Palästina", "Palestine", "Staat Palästina", "State of Palestine"], "adjectives": ["palästinensisch", "Palestinian"]},
    "SA": {"adjectives": ["saudisch", "saudi-arabisch", "Saudi"]}, "EG": {"adjectives": ["ägyptisch", "Egyptian"]},
    "SY": {"adjectives": ["syrisch", "Syrian"]}, "IQ": {"adjectives": ["irakisch", "Iraqi"]},
    "LB": {"adjectives": ["libanesisch", "Lebanese"]}, "JO": {"adjectives": ["jordanisch", "Jordanian"]},
    "QA": {"adjectives": ["katarisch", "Qatari"], "aliases": ["Katar"]}, "AE": {"aliases": ["VAE", "UAE", "Emirate"], "adjectives": ["emiratisch", "Emirati"]},
    "CA": {"adjectives": ["kanadisch", "Canadian"]}, "MX": {"adjectives": ["mexikanisch", "Mexican"]},
    "BR": {"adjectives": ["brasilianisch", "Brazilian"]}, "AR": {"adjectives": ["argentinisch", "Argentine", "Argentinian"]},
    "AU": {"adjectives": ["australisch", "Australian"]}, "ZA": {"adjectives": ["südafrikanisch", "South African"]},
    "ID": {"adjectives": ["indonesisch", "Indonesian"]}, "VE": {"adjectives": ["venezolanisch", "Venezuelan"]},
    "TW": {"adjectives": ["taiwanisch", "Taiwanese"]}, "AF": {"adjectives": ["afghanisch", "Afghan"]},
    "AM": {"adjectives": ["armenisch", "Armenian"]}, "AZ": {"adjectives": ["aserbaidschanisch", "Azerbaijani"]},
    "KZ": {"adjectives": ["kasachisch", "Kazakh"]}, "NG": {"adjectives": ["nigerianisch", "Nigerian"]},
    "LU": {"adjectives": ["luxemburgisch", "Luxembourgish"]}, "CY": {"adjectives": ["zyprisch", "Cypriot"]},
    "MT": {"adjectives": ["maltesisch", "Maltese"]}, "CU": {"adjectives": ["kubanisch", "Cuban"]},
    "VA": {"aliases": ["Vatikan", "Vatican", "Heiliger Stuhl", "Holy See"]},
    "CD": {"aliases": ["Demokratische Republik Kongo", "Democratic Republic of the Congo", "DR Kongo", "DRC"]},
    "CG": {"aliases": ["Republik Kongo", "Republic of the Congo"]},
    "CI": {"aliases": ["Elfenbeinküste", "Ivory Coast"]}, "MM": {"aliases": ["Myanmar", "Birma", "Burma"]},
    "BA": {"aliases": ["Bosnia and Herzegovina", "Bosnien-Herzegowina"]}, "XK": {"adjectives": ["kosovarisch", "Kosovar"]},
}
# Capital aliases beyond the English/German names above.
CAPITAL_EXTRA = {"UA": ["Kyjiw", "Kiev", "Київ"], "RU": ["Москва"], "US": ["Washington", "Washington D.C."],
                 "IN": ["Delhi"], "MX": ["Ciudad de México"], "CL": ["Santiago"], "BY": ["Мінск"]}


AMBIGUOUS_CAPITALS = {"SC", "SG", "MC", "VA", "DJ"}


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    from babel import Locale

    de, en = Locale("de"), Locale("en")
    out = sys.stdout
    out.write("# Countries and capitals. Generated by lagebild/kb/build_countries.py (country names:\n")
    out.write("# Unicode CLDR via Babel; ids, capitals, adjectives and aliases: lagebild team).\n")
    for iso, (qid, cap_qid, cap_en, cap_de) in sorted(COUNTRIES.items(), key=lambda kv: kv[1][2]):
        name_en = en.territories.get(iso, iso).replace(" & ", " and ")
        name_de = de.territories.get(iso, name_en)
        extra = EXTRA.get(iso, {})
        aliases = [a for a in dict.fromkeys([name_de, *extra.get("aliases", [])]) if a != name_en]
        out.write(f"- name: {_q(name_en)}\n  name_de: {_q(name_de)}\n  type: LOC\n  kind: country\n")
        out.write(f"  wikidata: {qid}\n  iso: {iso}\n")
        if aliases:
            out.write("  aliases: [" + ", ".join(map(_q, aliases)) + "]\n")
        for key in ("adjectives", "prefixes"):
            if extra.get(key):
                out.write(f"  {key}: [" + ", ".join(map(_q, extra[key])) + "]\n")
        if cap_en in (name_en, iso) or iso in AMBIGUOUS_CAPITALS:
            continue  # a city named like its country, or a capital name that is a common first name
        cap_aliases = [a for a in dict.fromkeys([*(x for x in [cap_de] if x), *CAPITAL_EXTRA.get(iso, [])]) if a != cap_en]
        out.write(f"- name: {_q(cap_en)}\n")
        if cap_de:
            out.write(f"  name_de: {_q(cap_de)}\n")
        out.write(f"  type: LOC\n  kind: capital\n  wikidata: {cap_qid or 'null'}\n  part_of: {qid}\n")
        if cap_aliases:
            out.write("  aliases: [" + ", ".join(map(_q, cap_aliases)) + "]\n")


if __name__ == "__main__":
    main()
