#!/usr/bin/env python3
"""A synthetic but realistic region for extrel's benchmark (``scripts/bench``).

It writes a site repository as PRODUCT.md describes it — ``mkdocs.yml`` like the demo's,
``municipalities/<id>.yml``, ``content/<id>/<subsection>/<name>.ru.md`` / ``.en.md`` with
front matter, photos and a presentation PDF next to the pages — and gives it a git history
of monthly commits with backdated author and committer dates. The history is written with
``git fast-import`` (real commits with the given dates, thousands of times faster than one
``git commit`` per month and file), and the work tree is written beside it, so that the
repository ends clean.

Everything is deterministic: the same size and seed give the same files, commits and dates,
whatever the day the benchmark runs (the history ends on ``END``; check it as of ``TODAY``).

    python scripts/bench_region.py --size small /tmp/region
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

END = dt.date(2026, 11, 20)
"""The day of the last commit of the generated history."""
TODAY = dt.date(2026, 11, 23)
"""The check date the benchmark passes as ``--today``."""
TZ = "Europe/Ulyanovsk"
TZ_OFFSET = "+0400"
ZONE = dt.timezone(dt.timedelta(hours=4))


def _at(day: dt.date, minutes: int) -> dt.datetime:
    """A moment of ``day`` in the region's time, ``minutes`` after 09:00 (within the day)."""
    return dt.datetime.combine(day, dt.time(9), ZONE) + dt.timedelta(minutes=minutes % 600)



@dataclass(frozen=True)
class Size:
    name: str
    municipalities: int
    months: int
    """Months of history, one commit a month (the first also holds the skeleton)."""
    news: int
    """News items per municipality and language, spread evenly over the months."""
    partners: int = 3
    announcements: int = 2
    organizations: int = 1
    participation: int = 2
    image_every: int = 4
    """Every n-th news item has a photo (0: none)."""
    paragraphs: tuple[int, int] = (2, 4)
    """Paragraphs of a news item's body, min and max."""
    stale_every: int = 9
    """Every n-th municipality stopped publishing two months before the end (0: none)."""


SIZES: dict[str, Size] = {
    "small": Size("small", 3, 5, 10),
    "region": Size("region", 27, 12, 60),
    "five-year": Size("five-year", 27, 60, 300, announcements=10, participation=10),
    "national": Size("national", 17_500, 12, 12, partners=1, announcements=1, organizations=1,
                     participation=1, image_every=0, paragraphs=(1, 2), stale_every=9),
}


@dataclass
class Info:
    """What was generated: the benchmark reports it and picks files from it."""
    root: Path
    size: Size
    municipalities: list[str]
    page_files: int = 0
    asset_files: int = 0
    commits: int = 0
    bytes: int = 0
    news_files: list[str] = field(default_factory=list)
    """The latest Russian news page of each municipality (repository-relative)."""
    latest_news: dict[str, str] = field(default_factory=dict)
    history: str = "page"
    first_commit: dt.date | None = None
    last_commit: dt.date | None = None


# --- word banks ------------------------------------------------------------------------------

COUNTRIES = {
    "BY": ("Беларусь", "Belarus"), "KZ": ("Казахстан", "Kazakhstan"),
    "UZ": ("Узбекистан", "Uzbekistan"), "KG": ("Киргизия", "Kyrgyzstan"),
    "TJ": ("Таджикистан", "Tajikistan"), "AM": ("Армения", "Armenia"),
    "GE": ("Грузия", "Georgia"), "RS": ("Сербия", "Serbia"), "CN": ("Китай", "China"),
    "RU": ("Россия", "Russia"), "AB": ("Абхазия", "Abkhazia"), "MN": ("Монголия", "Mongolia"),
    "TR": ("Турция", "Turkey"), "VN": ("Вьетнам", "Vietnam"),
}

PARTNERS = [  # (slug, ru, en, country)
    ("kobrin", "Кобрин", "Kobrin", "BY"), ("pinsk", "Пинск", "Pinsk", "BY"),
    ("lida", "Лида", "Lida", "BY"), ("baranovichi", "Барановичи", "Baranovichi", "BY"),
    ("shchuchinsk", "Щучинск", "Shchuchinsk", "KZ"), ("kostanay", "Костанай", "Kostanay", "KZ"),
    ("pavlodar", "Павлодар", "Pavlodar", "KZ"), ("shymkent", "Шымкент", "Shymkent", "KZ"),
    ("namangan", "Наманган", "Namangan", "UZ"), ("samarkand", "Самарканд", "Samarkand", "UZ"),
    ("osh", "Ош", "Osh", "KG"), ("khujand", "Худжанд", "Khujand", "TJ"),
    ("gyumri", "Гюмри", "Gyumri", "AM"), ("kutaisi", "Кутаиси", "Kutaisi", "GE"),
    ("paracin", "Парачин", "Paracin", "RS"), ("jinhua", "Цзиньхуа", "Jinhua", "CN"),
    ("sukhum", "Сухум", "Sukhum", "AB"), ("darkhan", "Дархан", "Darkhan", "MN"),
    ("eskisehir", "Эскишехир", "Eskisehir", "TR"), ("hai-phong", "Хайфон", "Hai Phong", "VN"),
    ("penza", "Пенза", "Penza", "RU"), ("saransk", "Саранск", "Saransk", "RU"),
    ("cheboksary", "Чебоксары", "Cheboksary", "RU"), ("engels", "Энгельс", "Engels", "RU"),
    ("nizhnekamsk", "Нижнекамск", "Nizhnekamsk", "RU"), ("orsk", "Орск", "Orsk", "RU"),
]

DISTRICTS = [  # (slug, ru adjective stem, en) — real district names of a Volga region
    ("inza", "Инзенский", "Inza"), ("baryshsky", "Барышский", "Barysh"),
    ("veshkaymsky", "Вешкаймский", "Veshkayma"), ("karsunsky", "Карсунский", "Karsun"),
    ("kuzovatovsky", "Кузоватовский", "Kuzovatovo"), ("maynsky", "Майнский", "Mayna"),
    ("melekessky", "Мелекесский", "Melekess"), ("nikolaevsky", "Николаевский", "Nikolayevka"),
    ("novomalyklinsky", "Новомалыклинский", "Novaya Malykla"),
    ("novospassky", "Новоспасский", "Novospasskoye"), ("pavlovsky", "Павловский", "Pavlovka"),
    ("radishchevsky", "Радищевский", "Radishchevo"), ("sengileevsky", "Сенгилеевский", "Sengiley"),
    ("starokulatkinsky", "Старокулаткинский", "Staraya Kulatka"),
    ("staromaynsky", "Старомайнский", "Staraya Mayna"), ("sursky", "Сурский", "Surskoye"),
    ("terengulsky", "Тереньгульский", "Terenga"), ("ulyanovsky", "Ульяновский", "Ulyanovsk"),
    ("tsilninsky", "Цильнинский", "Tsilna"), ("cherdaklinsky", "Чердаклинский", "Cherdakly"),
    ("bazarnosyzgansky", "Базарносызганский", "Bazarny Syzgan"),
]
CITIES = [("dimitrovgrad", "Димитровград", "Dimitrovgrad"),
          ("novoulyanovsk", "Новоульяновск", "Novoulyanovsk"),
          ("barysh", "Барыш", "Barysh"), ("inza-town", "Инза", "Inza"),
          ("sengiley", "Сенгилей", "Sengiley"), ("ulyanovsk", "Ульяновск", "Ulyanovsk")]

ROOTS = [  # for national-scale names: adjective stems that take -ский / -ское
    ("berezov", "Берёзов", "Berezov"), ("sosnov", "Соснов", "Sosnov"), ("lipov", "Липов", "Lipov"),
    ("dubrov", "Дубров", "Dubrov"), ("kamen", "Камен", "Kamen"), ("ozer", "Озер", "Ozer"),
    ("polev", "Полев", "Polev"), ("pokrov", "Покров", "Pokrov"), ("troits", "Троиц", "Troit"),
    ("uspen", "Успен", "Uspen"), ("voznesen", "Вознесен", "Voznesen"), ("nikol", "Николь", "Nikol"),
    ("petrov", "Петров", "Petrov"), ("alekseev", "Алексеев", "Alekseyev"),
    ("krasnoyar", "Краснояр", "Krasnoyar"), ("belogor", "Белогор", "Belogor"),
    ("zarechen", "Заречен", "Zarechen"), ("mikhaylov", "Михайлов", "Mikhaylov"),
    ("ivanov", "Иванов", "Ivanov"), ("znamen", "Знамен", "Znamen"),
]

TOPICS = [
    ("культура", "culture"), ("образование", "education"), ("туризм", "tourism"),
    ("спорт", "sport"), ("торгово-экономическое сотрудничество", "trade and economic cooperation"),
    ("сельское хозяйство", "agriculture"), ("здравоохранение", "healthcare"),
    ("молодёжная политика", "youth policy"), ("промышленная кооперация", "industrial cooperation"),
    ("сохранение исторической памяти", "historical memory"),
]

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]
MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

# news: (title ru, title en, summary ru, summary en, kind)
NEWS = [
    ("Делегация из города {P} посетила {M}", "Delegation from {Pe} visits {Me}",
     "Гости познакомились с предприятиями и учреждениями культуры, обсудили {T}.",
     "The guests toured local companies and cultural institutions and discussed {Te}.",
     "delegation-in-russia"),
    ("Делегация района побывала в городе {P} ({C})", "District delegation visits {Pe}, {Ce}",
     "Стороны подвели итоги года и наметили совместные мероприятия.",
     "The two sides reviewed the year and planned joint events.", "delegation-in-foreign"),
    ("Дни дружбы с городом {P}", "Friendship Days with {Pe}",
     "Концерты, ярмарка мастеров и спортивные встречи собрали сотни жителей.",
     "Concerts, a crafts fair and sports matches drew hundreds of residents.",
     "friendship-day"),
    ("Видеоконференция с партнёрами из города {P}", "Videoconference with partners from {Pe}",
     "Обсуждались {T} и план совместных мероприятий на следующий квартал.",
     "The agenda covered {Te} and the plan of joint events for the next quarter.", "other"),
    ("Предприниматели района представили продукцию в городе {P}",
     "Local companies present their products in {Pe}",
     "Подписаны протоколы о намерениях о пробных поставках.",
     "Letters of intent on trial deliveries were signed.", "trade-mission"),
    ("Молодёжный обмен: школьники из города {P} в гостях у сверстников",
     "Youth exchange: pupils from {Pe} visit their peers",
     "Неделя совместных уроков, экскурсий и спортивных состязаний.",
     "A week of joint lessons, excursions and sports competitions.", "youth-exchange"),
    ("Презентация района на международном форуме в городе {P}",
     "The district presented at an international forum in {Pe}",
     "Инвестиционный паспорт и туристические маршруты вызвали интерес участников.",
     "The investment passport and tourist routes drew the participants' interest.",
     "presentation"),
    ("Гуманитарная акция с партнёрами из города {P}", "Humanitarian action with {Pe}",
     "Волонтёры двух городов собрали и передали помощь ветеранам.",
     "Volunteers of the two towns collected and delivered aid to veterans.",
     "humanitarian-action"),
    ("Конференция «{T}: опыт муниципалитетов»", "Conference on {Te}: municipal experience",
     "Специалисты администрации выступили с докладом о международных проектах района.",
     "Administration staff gave a talk on the district's international projects.", "conference"),
    ("Деловой визит в город {P}", "Business visit to {Pe}",
     "Обсуждены логистика, поставки и участие в выставках.",
     "Logistics, supplies and joint exhibitions were discussed.", "business-visit"),
]

PARAGRAPHS = [
    ("{d} {mon} в администрации муниципального образования «{M}» прошла встреча с "
     "представителями города {P} ({C}). Стороны обсудили {T} и договорились продолжить "
     "совместную работу.",
     "On {d} {mone} the administration of {Me} met representatives of {Pe}, {Ce}. The two "
     "sides discussed {Te} and agreed to continue their joint work."),
    ("В составе делегации были руководители муниципальных учреждений, предприниматели и "
     "представители общественных организаций — всего {n} человек. Программа визита включала "
     "посещение предприятий, школ и музея.",
     "The delegation of {n} people included heads of municipal institutions, entrepreneurs "
     "and representatives of civic organizations. The programme included visits to "
     "companies, schools and the museum."),
    ("Гости познакомились с историей района, побывали в краеведческом музее и районном Доме "
     "культуры, где для них выступил народный ансамбль песни и танца.",
     "The guests learned about the district's history, visited the local history museum and "
     "the House of Culture, where the folk song and dance ensemble performed for them."),
    ("По итогам встречи подписан протокол о намерениях. Следующая встреча запланирована на "
     "{nextmon}; к ней стороны подготовят перечень совместных проектов.",
     "The meeting ended with the signing of a letter of intent. The next meeting is planned "
     "for {nextmone}; by then the two sides will prepare a list of joint projects."),
    ("Глава администрации отметил, что сотрудничество с городом {P} развивается уже {y} лет "
     "и приносит пользу жителям обоих муниципалитетов.",
     "The head of the administration noted that the cooperation with {Pe} has been growing "
     "for {y} years and benefits the residents of both municipalities."),
    ("Предприятия района представили образцы продукции: изделия из древесины, строительные "
     "материалы, продукты переработки сельского хозяйства. Партнёров особенно заинтересовали "
     "поставки пиломатериалов.",
     "Local companies showed samples of their products: wood products, building materials "
     "and processed farm produce. The partners were especially interested in supplies of "
     "sawn timber."),
    ("Школьники двух городов провели совместный урок, посвящённый истории дружбы народов, и "
     "приняли участие в товарищеском матче по мини-футболу.",
     "Pupils of the two towns held a joint lesson on the history of friendship between the "
     "peoples and played a friendly futsal match."),
    ("Специалисты отдела по внешним связям рассказали о плане мероприятий на {year} год: в "
     "нём {n} пунктов, от фестивалей до деловых форумов.",
     "The external relations office presented the plan of events for {year}: it has {n} "
     "items, from festivals to business forums."),
    ("Фотографии со встречи опубликованы в официальных группах администрации; видеозапись "
     "пленарного заседания доступна на сайте района.",
     "Photographs of the meeting are published on the administration's official pages; a "
     "video of the plenary session is available on the district's website."),
    ("Участники круглого стола обменялись опытом в сфере «{T}», обсудили привлечение грантов "
     "и участие молодёжи в международных проектах.",
     "Round-table participants shared experience in {Te}, discussed attracting grants and "
     "involving young people in international projects."),
    ("Мероприятие прошло в смешанном формате: часть участников подключилась по "
     "видеосвязи, всего к трансляции присоединились более {n0} зрителей.",
     "The event was held in a hybrid format: some participants joined by video link, and "
     "more than {n0} viewers watched the broadcast."),
    ("Волонтёры молодёжного центра подготовили для гостей экскурсию по городу и мастер-класс "
     "по народным промыслам.",
     "Volunteers of the youth centre prepared a city tour and a folk crafts workshop for the "
     "guests."),
]

ORGS = [
    ("uclg-eurasia", "Евразийское региональное отделение ОГМВ (ОГМВ-Евразия)",
     "United Cities and Local Governments Eurasia (UCLG Eurasia)", "RU"),
    ("sister-cities", "Международная ассоциация «Города-побратимы»",
     "International Association of Sister Cities", "RU"),
    ("ulsu-experts", "Экспертный совет Ульяновского государственного университета",
     "Expert council of Ulyanovsk State University", "RU"),
    ("volga-export", "Региональный центр поддержки экспорта", "Regional export support centre",
     "RU"),
]

ORG_BODY = (
    "Муниципальное образование «{M}» сотрудничает с организацией с {since} года. Специалисты "
    "администрации участвуют в обучающих семинарах по международному сотрудничеству, "
    "организация помогает находить новых партнёров и готовить заявки на гранты.",
    "{Me} has cooperated with the organization since {since}. Administration staff attend its "
    "training seminars on international cooperation; the organization helps to find new "
    "partners and prepare grant applications.",
)

PARTNER_BODY = (
    "Соглашение о сотрудничестве между муниципальным образованием «{M}» и городом {P} ({C}) "
    "подписано в {since} году. Основные направления — {T}, культура и образование.\n\n"
    "Ежегодно проводятся Дни дружбы, обмен делегациями школьников и деловые встречи "
    "предпринимателей. Последний контакт — {last}.",
    "The cooperation agreement between {Me} and {Pe}, {Ce}, was signed in {since}. The main "
    "areas are {Te}, culture and education.\n\nFriendship Days, school exchanges and business "
    "meetings are held every year. Last contact: {laste}.",
)


# --- small files -----------------------------------------------------------------------------

def _jpegs() -> list[bytes]:
    """A few small photographs (gradients with shapes): the news items share them as copies."""
    from PIL import Image, ImageDraw

    result = []
    gradients = [((70, 110, 160), (220, 200, 160)), ((40, 90, 60), (200, 220, 120)),
                 ((150, 60, 50), (240, 220, 200)), ((30, 50, 90), (150, 180, 230)),
                 ((90, 90, 90), (230, 230, 230)), ((120, 80, 140), (250, 210, 120))]
    for i, (a, b) in enumerate(gradients):
        img = Image.new("RGB", (480, 320))
        draw = ImageDraw.Draw(img)
        for y in range(320):
            t = y / 319
            colour = tuple(int(a[k] + (b[k] - a[k]) * t) for k in range(3))
            draw.line([(0, y), (479, y)], fill=colour)
        draw.ellipse((60 + 30 * i, 80, 220 + 30 * i, 240), fill=b)
        draw.rectangle((280, 150 - 10 * i, 440, 300), fill=a)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=70)
        result.append(out.getvalue())
    return result


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (80, 96), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.polygon([(4, 4), (76, 4), (76, 60), (40, 92), (4, 60)], fill=colour, outline=(0, 0, 0))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _pdf(pages: int, title: str) -> bytes:
    """A small tagged PDF of ``pages`` landscape slides (a heading bar, lines of text).

    Written by hand: the catalog marks it tagged (``/MarkInfo``, ``/StructTreeRoot``), as
    an office suite's "Tagged PDF" export does, so that screen readers get the text.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    page_tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    struct = add(b"<< /Type /StructTreeRoot >>")
    kids = []
    for n in range(1, pages + 1):
        text = f"{title} - {n}".encode("ascii", "replace")
        stream = (b"0.12 0.31 0.47 rg 30 500 782 60 re f "
                  b"BT /F1 28 Tf 1 1 1 rg 50 520 Td (" + text + b") Tj ET "
                  + b"".join(b"0.6 g 60 %d 700 6 re f " % y for y in range(120, 460, 40)))
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 842 595] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (page_tree, font, content)))
    objects[catalog - 1] = (b"<< /Type /Catalog /Pages %d 0 R /MarkInfo << /Marked true >> "
                            b"/StructTreeRoot %d 0 R /Lang (ru-RU) >>" % (page_tree, struct))
    objects[page_tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    return bytes(out)


VIDEO = (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
         b"\x00\x00\x00\x08free")
"""A placeholder for the presentation's video: the opening boxes of an MP4 file."""

PRESENTATION_FILES = [  # (kind, file suffix, title ru, title en)
    ("overview", "overview.pdf", "Презентация муниципального образования (16 слайдов)",
     "Presentation of the municipality (16 slides, in Russian)"),
    ("investment", "investment.pdf", "Инвестиционный паспорт", "Investment passport"),
    ("tourism", "tourism.pdf", "Туристические маршруты", "Tourist routes"),
    ("export", "export.pdf", "Экспортный потенциал", "Export potential"),
    ("video", "video.mp4", "Видеоролик о муниципальном образовании", "A video about the place"),
    ("info-sheet", "info-sheet.pdf", "Информационная справка", "Fact sheet"),
]


def _q(value: str) -> str:
    """A YAML scalar: always single-quoted, so colons, quotes and «» are safe."""
    return "'" + value.replace("'", "''") + "'"


def _page(fields: list[tuple[str, object]], body: str) -> bytes:
    lines = ["---"]
    for key, value in fields:
        if value is None:
            continue
        if isinstance(value, str):
            lines.append(f"{key}: {_q(value)}")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for k, v in item.items():
                        lines.append(f"  {'- ' if first else '  '}{k}: {_q(str(v))}")
                        first = False
                else:
                    lines.append(f"  - {_q(str(item))}")
        else:  # dates and numbers
            lines.append(f"{key}: {value}")
    lines += ["---", "", body.strip(), ""]
    return "\n".join(lines).encode("utf-8")


# --- the region --------------------------------------------------------------------------------

@dataclass
class _Muni:
    id: str
    ru: str
    en: str
    kind: str
    index: int
    partners: list[tuple[str, str, str, str]]
    orgs: list[tuple[str, str, str, str]]


def _municipalities(n: int) -> list[_Muni]:
    """A region's real district and town names; synthetic ones at national scale."""
    result = []
    named = n <= len(DISTRICTS) + len(CITIES)
    for i in range(n):
        if named and i < len(DISTRICTS):
            slug, ru, en = DISTRICTS[i]
            ru, en, kind = f"{ru} район", f"{en} District", "district"
        elif named:
            slug, ru, en = CITIES[i - len(DISTRICTS)]
            ru, en, kind = f"город {ru}", f"{en} Town", "city"
        else:
            stem_slug, stem_ru, stem_en = ROOTS[i % len(ROOTS)]
            number = i // len(ROOTS) + 1
            k_ru, k_en, kind = [
                ("ский район", "sky District", "district"),
                ("ское сельское поселение", "skoye Rural Settlement", "settlement"),
                ("ское городское поселение", "skoye Urban Settlement", "settlement"),
            ][number % 3]
            slug = f"{stem_slug}-{number}"
            ru, en = f"{stem_ru}{k_ru} № {number}", f"{stem_en}{k_en} No. {number}"
        result.append(_Muni(slug, ru, en, kind, i, [], []))
    return result


def _months(end: dt.date, count: int) -> list[dt.date]:
    """The commit days: the same day of month as ``end``, ``count`` months up to it."""
    result = []
    y, m = end.year, end.month
    for _ in range(count):
        result.append(dt.date(y, m, min(end.day, 28)))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    result.reverse()
    result[-1] = end
    return result


class _Writer:
    """Writes files to the work tree and the same contents, as commits, to git fast-import."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.marks: dict[bytes, int] = {}
        self.next_mark = 1
        self.pending: dict[str, bytes] = {}
        self.buckets: list[tuple[dt.datetime, int, str, dict[str, bytes]]] = []
        self.commits = 0
        self.bytes = 0
        env = _git_env()
        self.proc = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--done"], cwd=root, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        assert self.proc.stdin is not None
        self.out = self.proc.stdin
        self.made_dirs: set[Path] = set()

    def put(self, relpath: str, data: bytes) -> None:
        self.pending[relpath] = data

    def cut(self, when: dt.datetime, message: str) -> None:
        """Set what was put aside as one commit, made by ``flush`` in the order of time."""
        if self.pending:
            self.buckets.append((when, len(self.buckets), message, self.pending))
            self.pending = {}

    def flush(self, *, by_day: bool = False) -> None:
        """Commit what was cut, in the order of time; ``by_day``: one commit a day."""
        ordered = sorted(self.buckets, key=lambda b: (b[0], b[1]))
        self.buckets = []
        if by_day:
            days: dict[dt.date, tuple[dt.datetime, dict[str, bytes]]] = {}
            for when, _, _, files in ordered:
                _, merged = days.get(when.date(), (when, {}))
                merged.update(files)
                days[when.date()] = (when, merged)
            ordered = [(when, 0, f"Материалы за {day.isoformat()}", files)
                       for day, (when, files) in days.items()]
        for when, _, message, files in ordered:
            self.pending = files
            self.commit(when, message)

    def commit(self, when: dt.datetime, message: str) -> None:
        if not self.pending:
            return
        ops = []
        for relpath, data in self.pending.items():
            key = hashlib.sha1(data).digest()
            mark = self.marks.get(key)
            if mark is None:
                mark = self.marks[key] = self.next_mark
                self.next_mark += 1
                self.out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)) + data + b"\n")
            ops.append(b"M 100644 :%d %s\n" % (mark, relpath.encode()))
            path = self.root / relpath
            if path.parent not in self.made_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.made_dirs.add(path.parent)
            path.write_bytes(data)
            self.bytes += len(data)
        stamp = int(when.timestamp())
        who = f"Редактор раздела <editor@example.org> {stamp} {TZ_OFFSET}".encode()
        msg = message.encode()
        self.out.write(b"commit refs/heads/main\nauthor " + who + b"\ncommitter " + who
                       + b"\ndata %d\n" % len(msg) + msg + b"\n" + b"".join(ops) + b"\n")
        self.pending = {}
        self.commits += 1

    def close(self) -> None:
        self.out.write(b"done\n")
        self.out.close()
        if self.proc.wait() != 0:
            raise RuntimeError("git fast-import failed")


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="Редактор раздела", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Редактор раздела", GIT_COMMITTER_EMAIL="editor@example.org")
    return env


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run git in the generated repository (dates as ``GIT_*_DATE`` when given)."""
    env = _git_env()
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env,
                          check=True, capture_output=True, text=True).stdout


MKDOCS_YML = """\
# Synthetic benchmark region ({size}): generated by scripts/bench_region.py.
site_name: Развитие внешних связей муниципальных образований
site_description: Синтетический регион для замеров скорости сборки
docs_dir: content

theme:
  name: material
  custom_dir: theme
  language: ru
  font: false
  features:
    - navigation.footer
    - search.highlight

extra_css:
  - assets/region.css

markdown_extensions:
  - tables
  - attr_list
  - admonition
  - toc:
      permalink: false

plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: ru
          name: Русский
          default: true
          build: true
        - locale: en
          name: English
          build: true
          site_name: External relations of municipalities
  - extrel:
      timezone: {tz}
      freshness:
        max_age_days: 31
        warn_days: 7
        sections:
          plan: {{max_age_days: 366}}
          presentation: {{max_age_days: 366}}
          organizations: {{max_age_days: 183}}
"""

MAIN_HTML = """\
{% extends "base.html" %}
{% block footer %}
  <footer class="md-footer"><div class="md-footer-meta md-typeset">
    <div class="md-footer-meta__inner md-grid"><div class="md-copyright">
      {% if config.theme.language == "en" %}Synthetic region.
      {% else %}Синтетический регион.{% endif %}
    </div></div>
  </div></footer>
{% endblock %}
"""

REGION_CSS = """\
:root { --md-primary-fg-color: #1f4e79; --md-accent-fg-color: #c0392b; }
"""

REGISTRY = """\
name: {{ru: {ru}, en: {en}}}
kind: {kind}
coat_of_arms: {id}.png
coordinator:
  name: {{ru: {coord_ru}, en: {coord_en}}}
  email: {id}.external@example.org
  phone: '+7 (8422) {phone}'
website: https://example.org/{id}
"""

COORDINATORS = [("Сергеева Анна Викторовна", "Anna Sergeyeva"),
                ("Иванов Пётр Николаевич", "Pyotr Ivanov"),
                ("Кузнецова Мария Олеговна", "Maria Kuznetsova"),
                ("Хасанов Ринат Маратович", "Rinat Khasanov"),
                ("Волкова Елена Сергеевна", "Yelena Volkova")]


HISTORIES = ("page", "day", "month")


def generate(root: Path, size: Size | str = "small", *, end: dt.date = END,
             seed: int = 1, history: str = "page") -> Info:
    """Write the region into ``root`` (created; must not hold a repository yet).

    ``history="page"`` commits as editors do: each news item (both languages) on its own
    day, and each municipality's other monthly updates (a partner's last contact, new
    announcements, participation, next year's plan) in one commit at the month's end.
    ``history="day"`` makes those into one commit a day for the whole region (at national
    scale: each commit of a single repository rewrites the 17,500-entry ``content/`` tree,
    and a commit per page would take hours to write). ``history="month"`` makes one commit
    a month for the whole region.
    """
    if history not in HISTORIES:
        raise ValueError(f"history: one of {', '.join(HISTORIES)}")
    if isinstance(size, str):
        size = SIZES[size]
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    if (root / ".git").exists():
        raise FileExistsError(f"{root} already holds a git repository")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Редактор раздела")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "commit.gpgsign", "false")

    rng = random.Random(seed)
    munis = _municipalities(size.municipalities)
    for m in munis:
        r = random.Random(f"{seed}-{m.id}")
        m.partners = r.sample(PARTNERS, size.partners)
        m.orgs = r.sample(ORGS, size.organizations)
    months = _months(end, size.months)
    info = Info(root, size, [m.id for m in munis], history=history)
    info.first_commit, info.last_commit = months[0], months[-1]
    jpegs = _jpegs()
    pngs = [_png(c) for c in ((150, 30, 40), (30, 80, 150), (40, 120, 60), (180, 150, 30))]
    pdfs = {"overview": _pdf(16, "Presentation"), "video": VIDEO}
    pdfs.update((kind, _pdf(4, kind.capitalize())) for kind, *_ in PRESENTATION_FILES
                if kind not in pdfs)

    w = _Writer(root)
    # the skeleton, in the first month's commit
    w.put("mkdocs.yml", MKDOCS_YML.format(size=size.name, tz=TZ).encode())
    w.put(".gitignore", b"/site/\n/.site.*\n/.cache/\n")
    w.put("theme/main.html", MAIN_HTML.encode())
    w.put("theme/assets/region.css", REGION_CSS.encode())
    w.put("content/index.ru.md", _page([("title", "Внешние связи муниципальных образований")],
                                       "Портал объединяет разделы «Развитие внешних связей "
                                       "муниципального образования» всех муниципалитетов региона."))
    w.put("content/index.en.md", _page([("title", "External relations of municipalities")],
                                       "The portal brings together the external relations "
                                       "sections of all the region's municipalities."))
    for m in munis:
        c_ru, c_en = COORDINATORS[m.index % len(COORDINATORS)]
        w.put(f"municipalities/{m.id}.yml", REGISTRY.format(
            id=m.id, ru=_q(m.ru), en=_q(m.en), kind=m.kind, coord_ru=c_ru, coord_en=c_en,
            phone=f"{20 + m.index % 70}-{10 + m.index % 89:02d}-{m.index % 97:02d}").encode())
        w.put(f"municipalities/{m.id}.png", pngs[m.index % len(pngs)])
        _skeleton(w, m, months[0], pdfs, rng)
    w.commit(_at(months[0].replace(day=1), 0), "Раздел «Развитие внешних связей»: начальное "
             "наполнение")

    # news per municipality, spread evenly over the months
    per_month: list[list[int]] = [[] for _ in months]
    for k in range(size.news):
        per_month[k * len(months) // size.news].append(k)
    ann_months = _spread(size.announcements, len(months))
    part_months = _spread(size.participation, len(months))
    for mi, day in enumerate(months):
        for m in munis:
            stopped = size.stale_every and m.index % size.stale_every == size.stale_every - 1
            if stopped and mi >= len(months) - 2 and mi > 0:
                continue
            r = random.Random(f"{seed}-{m.id}-{mi}")
            first = day.replace(day=1)
            span = (day - first).days + 1
            for k in per_month[mi]:
                when = first + dt.timedelta(days=min(span - 1, (k * 7 + m.index) % span))
                _news(w, m, k, when, r, jpegs, size, info)
                if history != "month":
                    w.cut(_at(when, 60 + 37 * m.index + 11 * k), f"Новость {when.isoformat()}")
            for a in range(ann_months.count(mi)):
                _announcement(w, m, day, a, r)
            for a in range(part_months.count(mi)):
                _participation(w, m, first + dt.timedelta(days=(a * 5 + m.index) % span), a, r)
            if mi and day.month == 12:
                _plan(w, m, day.year + 1, day, r)
            if mi and m.partners:
                _partner(w, m, m.partners[mi % len(m.partners)], day, r, last=day)
            if history != "month":
                w.cut(_at(day, 480 + m.index % 120), f"{m.id}: обновление за "
                      f"{MONTHS_NOM[day.month - 1]} {day.year}")
        w.flush(by_day=history == "day")
        w.commit(_at(day, 480), f"Материалы за {MONTHS_NOM[day.month - 1]} {day.year}")
    w.close()
    info.news_files = list(info.latest_news.values())
    info.commits = w.commits
    info.bytes = w.bytes
    git(root, "read-tree", "HEAD")
    git(root, "update-index", "-q", "--refresh")
    info.page_files = int(git(root, "ls-files", "--", "*.md").count("\n"))
    info.asset_files = int(git(root, "ls-files").count("\n")) - info.page_files
    return info


def _spread(count: int, months: int) -> list[int]:
    """Month indexes of ``count`` events spread evenly over the history (never the first)."""
    if count <= 0:
        return []
    return [min(months - 1, 1 + (i * max(1, months - 1)) // count) if months > 1 else 0
            for i in range(count)]


def _slots(m: _Muni, partner: tuple[str, str, str, str], when: dt.date,
           r: random.Random) -> dict[str, object]:
    slug, p_ru, p_en, cc = partner
    t_ru, t_en = r.choice(TOPICS)
    nxt = (when.month % 12)
    return {
        "M": m.ru, "Me": m.en, "P": p_ru, "Pe": p_en, "C": COUNTRIES[cc][0],
        "Ce": COUNTRIES[cc][1], "T": t_ru, "Te": t_en, "d": when.day,
        "mon": MONTHS_GEN[when.month - 1], "mone": MONTHS_EN[when.month - 1],
        "nextmon": MONTHS_NOM[nxt], "nextmone": MONTHS_EN[nxt], "n": r.randint(6, 40),
        "n0": r.randint(2, 9) * 100, "y": r.randint(3, 25), "year": when.year,
    }


def _news(w: _Writer, m: _Muni, k: int, when: dt.date, r: random.Random, jpegs: list[bytes],
          size: Size, info: Info) -> None:
    partner = m.partners[k % len(m.partners)] if m.partners else r.choice(PARTNERS)
    t_ru, t_en, s_ru, s_en, kind = NEWS[(k + m.index) % len(NEWS)]
    slots = _slots(m, partner, when, r)
    stem = f"{when.isoformat()}-{partner[0]}-{k + 1}"
    base = f"content/{m.id}/news/{stem}"
    n = r.randint(*size.paragraphs)
    paras = [PARAGRAPHS[0], *r.sample(PARAGRAPHS[1:], n - 1)]
    body_ru = "\n\n".join(p[0].format(**slots) for p in paras)
    body_en = "\n\n".join(p[1].format(**slots) for p in paras)
    image = alt_ru = alt_en = None
    if size.image_every and k % size.image_every == 0:
        image = f"{stem}.jpg"
        w.put(f"content/{m.id}/news/{image}", jpegs[(k + m.index) % len(jpegs)])
        alt_ru = (f"Участники встречи с делегацией из города {partner[1]} на площади перед "
                  "администрацией")
        alt_en = (f"Participants of the meeting with the delegation from {partner[2]} in front "
                  "of the administration")
    tags = [["культура", "economy"], ["youth"], ["economy", "industry"], []][k % 4]
    w.put(base + ".ru.md", _page([
        ("title", t_ru.format(**slots)), ("date", when), ("summary", s_ru.format(**slots)),
        ("image", image), ("image_alt", alt_ru), ("kind", kind), ("partner", partner[0]),
        ("tags", tags or None)], body_ru))
    w.put(base + ".en.md", _page([
        ("title", t_en.format(**slots)), ("date", when), ("summary", s_en.format(**slots)),
        ("image", image), ("image_alt", alt_en)], body_en))
    info.latest_news[m.id] = base + ".ru.md"


def _skeleton(w: _Writer, m: _Muni, day: dt.date, pdfs: dict[str, bytes],
              r: random.Random) -> None:
    for p in m.partners:
        _partner(w, m, p, day, r, last=day)
    for slug, o_ru, o_en, cc in m.orgs:
        since = 2015 + (m.index + len(slug)) % 10
        slots = {"M": m.ru, "Me": m.en, "since": since}
        base = f"content/{m.id}/organizations/{slug}"
        w.put(base + ".ru.md", _page([("title", o_ru), ("country", cc),
                                      ("since", dt.date(since, 4, 15)),
                                      ("url", f"https://example.org/{slug}")],
                                     ORG_BODY[0].format(**slots)))
        w.put(base + ".en.md", _page([("title", o_en)], ORG_BODY[1].format(**slots)))
    _plan(w, m, day.year, day, r)
    files_ru, files_en = [], []
    for kind, suffix, t_ru, t_en in PRESENTATION_FILES:
        name = f"{m.id}-{suffix}"
        w.put(f"content/{m.id}/presentation/{name}", pdfs[kind])
        files_ru.append({"file": name, "title": t_ru, "kind": kind})
        files_en.append({"file": name, "title": t_en, "kind": kind})
    base = f"content/{m.id}/presentation/index"
    w.put(base + ".ru.md", _page([("title", f"Презентация: {m.ru}"), ("files", files_ru)],
        f"Муниципальное образование «{m.ru}» расположено в живописной местности, здесь развиты "
        "деревообработка, сельское хозяйство и туризм.\n\nМатериалы ниже можно использовать "
        "при подготовке визитов, переговоров и выставок."))
    w.put(base + ".en.md", _page([("title", f"Presentation: {m.en}"), ("files", files_en)],
        f"{m.en} lies in picturesque countryside; its economy rests on woodworking, farming "
        "and tourism.\n\nThe materials below can be used to prepare visits, negotiations and "
        "exhibitions."))


def _partner(w: _Writer, m: _Muni, partner: tuple[str, str, str, str], day: dt.date,
             r: random.Random, last: dt.date) -> None:
    slug, p_ru, p_en, cc = partner
    since = 2005 + (m.index * 3 + len(slug)) % 18
    t_ru, t_en = TOPICS[(m.index + len(slug)) % len(TOPICS)]
    slots = {"M": m.ru, "Me": m.en, "P": p_ru, "Pe": p_en, "C": COUNTRIES[cc][0],
             "Ce": COUNTRIES[cc][1], "T": t_ru, "Te": t_en, "since": since,
             "last": f"{last.day} {MONTHS_GEN[last.month - 1]} {last.year} г.",
             "laste": f"{last.day} {MONTHS_EN[last.month - 1]} {last.year}"}
    base = f"content/{m.id}/partners/{slug}"
    kind = ["twin", "partner", "agreement"][len(slug) % 3]
    w.put(base + ".ru.md", _page([
        ("title", f"Город {p_ru} ({COUNTRIES[cc][0]})"), ("country", cc), ("type", kind),
        ("status", "active"), ("since", dt.date(since, 5, 1 + len(slug) % 27)),
        ("directions", [t_ru, "культура", "образование"]), ("last_contact", last)],
        PARTNER_BODY[0].format(**slots)))
    w.put(base + ".en.md", _page([
        ("title", f"{p_en}, {COUNTRIES[cc][1]}"),
        ("directions", [t_en, "culture", "education"])], PARTNER_BODY[1].format(**slots)))


def _plan(w: _Writer, m: _Muni, year: int, day: dt.date, r: random.Random) -> None:
    rows_ru, rows_en = [], []
    for i, month in enumerate(MONTHS_NOM):
        if i % 2 and r.random() < 0.5:
            continue
        p = m.partners[i % len(m.partners)] if m.partners else PARTNERS[i]
        t_ru, t_en = TOPICS[(i + m.index) % len(TOPICS)]
        rows_ru.append(f"| {month.capitalize()} | Встреча с партнёрами из города {p[1]}: {t_ru} "
                       f"| Отдел по внешним связям | {p[1]} |")
        rows_en.append(f"| {MONTHS_EN[i]} | Meeting with partners from {p[2]}: {t_en} "
                       f"| External relations office | {p[2]} |")
    approved = dt.date(year - 1, 12, 24) if day >= dt.date(year - 1, 12, 24) else day
    base = f"content/{m.id}/plan/{year}"
    w.put(base + ".ru.md", _page([
        ("title", f"План развития внешних связей на {year} год"), ("year", year),
        ("approved", approved)],
        f"План утверждён постановлением администрации от {approved.day} "
        f"{MONTHS_GEN[approved.month - 1]} {approved.year} года.\n\n"
        "| Месяц | Мероприятие | Ответственный | Партнёр |\n|---|---|---|---|\n"
        + "\n".join(rows_ru)))
    w.put(base + ".en.md", _page([("title", f"Plan of external relations for {year}")],
                                 f"The plan was approved by the administration on "
                                 f"{approved.day} {MONTHS_EN[approved.month - 1]} "
                                 f"{approved.year}.\n\n"
                                 "| Month | Event | Responsible | Partner |\n|---|---|---|---|\n"
                                 + "\n".join(rows_en)))


def _announcement(w: _Writer, m: _Muni, day: dt.date, a: int, r: random.Random) -> None:
    p = m.partners[a % len(m.partners)] if m.partners else PARTNERS[a % len(PARTNERS)]
    start = day + dt.timedelta(days=20 + 9 * a + m.index % 11)
    end = start + dt.timedelta(days=2)
    slots = _slots(m, p, start, r)
    base = f"content/{m.id}/announcements/{start.isoformat()}-{p[0]}-{a + 1}"
    w.put(base + ".ru.md", _page([
        ("title", f"Дни дружбы с городом {p[1]}"), ("start", start), ("end", end),
        ("place", "Районный Дом культуры"), ("kind", "friendship-day"), ("partner", p[0])],
        "В программе — ярмарка мастеров, концерт и товарищеские матчи. Вход свободный.\n\n"
        + PARAGRAPHS[0][0].format(**slots)))
    w.put(base + ".en.md", _page([
        ("title", f"Friendship Days with {p[2]}"), ("place", "District House of Culture")],
        "The programme includes a crafts fair, a concert and friendly matches. Admission is "
        "free.\n\n" + PARAGRAPHS[0][1].format(**slots)))


def _participation(w: _Writer, m: _Muni, when: dt.date, a: int, r: random.Random) -> None:
    p = PARTNERS[(a * 5 + m.index) % len(PARTNERS)]
    slots = _slots(m, p, when, r)
    base = f"content/{m.id}/participation/{when.isoformat()}-forum-{p[0]}"
    w.put(base + ".ru.md", _page([
        ("title", f"Международный форум в городе {p[1]}"), ("date", when),
        ("place", p[1]), ("country", p[3]), ("kind", "conference")],
        PARAGRAPHS[9][0].format(**slots) + "\n\n" + PARAGRAPHS[5][0].format(**slots)))
    w.put(base + ".en.md", _page([("title", f"International forum in {p[2]}"),
                                  ("place", p[2])],
                                 PARAGRAPHS[9][1].format(**slots) + "\n\n"
                                 + PARAGRAPHS[5][1].format(**slots)))


def iter_pages(root: Path) -> Iterator[str]:
    """Repository-relative paths of the page files under content/, sorted."""
    for path in sorted((root / "content").rglob("*.md")):
        yield path.relative_to(root).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--municipalities", type=int, help="override the size's count")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--history", choices=HISTORIES,
                        help="a commit per news item and per municipality's monthly update "
                        "(page; the default but at national size), the same merged into one "
                        "commit a day (day; the national default), or one a month (month)")
    parser.add_argument("root", type=Path)
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    if args.municipalities:
        size = replace(size, municipalities=args.municipalities)
    history = args.history or ("day" if args.size == "national" else "page")
    info = generate(args.root, size, seed=args.seed, history=history)
    print(f"{info.root}: {len(info.municipalities)} municipalities, "  # noqa: T201
          f"{info.page_files} pages, "
          f"{info.asset_files} other files, {info.commits} commits "
          f"({info.first_commit} .. {info.last_commit}); check it with --today {TODAY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
