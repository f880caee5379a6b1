"""Texts of the demo's tourism leaflets, export offers (with a product catalogue) and
investment sheets, in Russian and English. Sample data: every document says so."""

from __future__ import annotations

_SUB_RU = "Ульяновская область, Российская Федерация · {what} 2026"
_SUB_EN = "Ulyanovsk Oblast, Russian Federation · {what} 2026"

TOURISM: dict[str, dict[str, dict]] = {
    "inza": {
        "ru": {
            "heading": "Инзенский район: куда поехать",
            "sub": _SUB_RU.format(what="туристический буклет"),
            "intro": "Леса, реки Сура и Инза, усадебные парки XIX века и гостеприимные сёла в "
                     "трёх часах от Ульяновска.",
            "photo": "inza/news/2026-09-05-kobrin-friendship-day.jpg",
            "sections": [
                ("Природа", "Сосновые боры Сурского края, экологическая тропа у реки Инзы, "
                            "сплав по Суре в мае — сентябре."),
                ("История", "Вокзал станции Инза (1898), краеведческий музей, усадебные "
                            "парки и храмы XIX века в сёлах района."),
                ("События", "Дни дружбы с Кобринским районом (сентябрь), фестиваль "
                            "народного творчества «Сурские напевы» (июль)."),
                ("Как добраться", "Поездом до станции Инза (направления на Москву, Казань, "
                                  "Ульяновск); автобусом из Ульяновска — 3 часа."),
            ],
        },
        "en": {
            "heading": "Inza District: what to see",
            "sub": _SUB_EN.format(what="tourist leaflet"),
            "intro": "Forests, the Sura and Inza rivers, 19th-century estate parks and "
                     "welcoming villages three hours from Ulyanovsk.",
            "photo": "inza/news/2026-09-05-kobrin-friendship-day.jpg",
            "sections": [
                ("Nature", "Pine forests along the Sura, a nature trail by the Inza river, "
                           "rafting on the Sura from May to September."),
                ("History", "Inza railway station (1898), the local history museum, estate "
                            "parks and 19th-century churches in the villages."),
                ("Events", "Friendship Days with Kobrin District (September), the folk arts "
                           "festival 'Songs of the Sura' (July)."),
                ("Getting here", "By train to Inza (lines to Moscow, Kazan and Ulyanovsk); by "
                                 "bus from Ulyanovsk, 3 hours."),
            ],
        },
    },
    "dimitrovgrad": {
        "ru": {
            "heading": "Димитровград: город науки на Черемшане",
            "sub": _SUB_RU.format(what="туристический буклет"),
            "intro": "Старинный Мелекесс и современный наукоград: музеи, набережные и парки "
                     "в 90 км от Ульяновска.",
            "photo": "dimitrovgrad/news/2026-05-22-bulgarian-delegation.jpg",
            "sections": [
                ("Музеи", "Краеведческий музей в купеческом особняке, музей истории атомной "
                          "науки, картинная галерея."),
                ("Прогулки", "Набережная реки Большой Черемшан, парк «Дружба» с аллеей "
                             "городов-побратимов, исторический центр Мелекесса."),
                ("События", "Дни болгарской культуры (май), научный фестиваль «Атом» "
                            "(октябрь)."),
                ("Как добраться", "Поездом или автобусом из Ульяновска и Самары; "
                                  "ближайший аэропорт — Ульяновск (Баратаевка), 90 км."),
            ],
        },
        "en": {
            "heading": "Dimitrovgrad: a science city on the Cheremshan",
            "sub": _SUB_EN.format(what="tourist leaflet"),
            "intro": "Historic Melekess and a modern science city: museums, riverside walks "
                     "and parks, 90 km from Ulyanovsk.",
            "photo": "dimitrovgrad/news/2026-05-22-bulgarian-delegation.jpg",
            "sections": [
                ("Museums", "The local history museum in a merchant's mansion, the museum of "
                            "nuclear science, the art gallery."),
                ("Walks", "The Bolshoy Cheremshan embankment, Friendship Park with its alley "
                          "of twin towns, the historic centre of Melekess."),
                ("Events", "Days of Bulgarian Culture (May), the 'Atom' science festival "
                           "(October)."),
                ("Getting here", "By train or bus from Ulyanovsk and Samara; the nearest "
                                 "airport is Ulyanovsk (Barataevka), 90 km."),
            ],
        },
    },
    "novospasskoe": {
        "ru": {
            "heading": "Новоспасский район: сельский туризм",
            "sub": _SUB_RU.format(what="туристический буклет"),
            "intro": "Пасеки, поля подсолнечника, конные прогулки и гостевые дома на юго-"
                     "западе Ульяновской области.",
            "photo": "novospasskoe/news/2026-07-03-krichev-friendship-day.jpg",
            "sections": [
                ("Агротуризм", "Экскурсии на пасеки с дегустацией мёда, фермерские "
                               "сыроварни, конный двор в селе Коптевка."),
                ("История", "Районный краеведческий музей, храм Спаса Нерукотворного Образа, "
                            "памятные места Гражданской войны."),
                ("События", "Медовый Спас (август), Дни дружбы с Кричевским районом "
                            "(июль), ярмарка «Новоспасская осень»."),
                ("Как добраться", "Автобусом из Ульяновска — 2,5 часа; поездом до станции "
                                  "Новоспасское (направление Сызрань — Инза)."),
            ],
        },
        "en": {
            "heading": "Novospasskoye District: rural tourism",
            "sub": _SUB_EN.format(what="tourist leaflet"),
            "intro": "Apiaries, sunflower fields, horse riding and guest houses in the "
                     "south-west of Ulyanovsk Oblast.",
            "photo": "novospasskoe/news/2026-07-03-krichev-friendship-day.jpg",
            "sections": [
                ("Agritourism", "Apiary visits with honey tasting, farm cheese dairies, a "
                                "riding stable in Koptevka."),
                ("History", "The district museum, the Church of the Saviour, memorial sites "
                            "of the Civil War."),
                ("Events", "Honey Saviour's Day (August), Friendship Days with Krichev "
                           "District (July), the 'Novospasskoye Autumn' fair."),
                ("Getting here", "By bus from Ulyanovsk, 2.5 hours; by train to Novospasskoye "
                                 "(Syzran — Inza line)."),
            ],
        },
    },
}

_CAT_RU = ("Продукция", "Производитель", "Объём поставок", "Сертификаты")
_CAT_EN = ("Product", "Producer", "Supply capacity", "Certificates")

EXPORT: dict[str, dict[str, dict]] = {
    "inza": {
        "ru": {
            "heading": "Инзенский район: экспортное предложение",
            "sub": _SUB_RU.format(what="каталог продукции"),
            "intro": "Предприятия района поставляют минеральное сырьё и продукцию "
                     "деревообработки в страны ЕАЭС и ищут новых партнёров.",
            "table": (_CAT_RU, [
                ("Диатомитовые сорбенты", "Инзенский диатомитовый завод", "до 20 тыс. т в год",
                 "ГОСТ, ТР ЕАЭС"),
                ("Теплоизоляционные плиты", "Инзенский диатомитовый завод",
                 "до 150 тыс. м³ в год", "ТР ЕАЭС"),
                ("Погонаж и мебельные заготовки", "ООО «Инзалес»", "до 8 тыс. м³ в год",
                 "FSC (в процессе)"),
                ("Пиломатериалы хвойных пород", "ООО «Инзалес»", "до 12 тыс. м³ в год", "ГОСТ"),
            ], "Каталог продукции"),
            "contact": "Отдел экономического развития администрации района · "
                       "inza.invest@example.org · +7 (84241) 2-51-37",
        },
        "en": {
            "heading": "Inza District: export offer",
            "sub": _SUB_EN.format(what="product catalogue"),
            "intro": "The district's companies supply mineral raw materials and wood "
                     "products to the Eurasian Economic Union and look for new partners.",
            "table": (_CAT_EN, [
                ("Diatomite sorbents", "Inza Diatomite Plant", "up to 20,000 t a year",
                 "GOST, EAEU TR"),
                ("Thermal insulation boards", "Inza Diatomite Plant",
                 "up to 150,000 m³ a year", "EAEU TR"),
                ("Mouldings and furniture blanks", "Inzales LLC", "up to 8,000 m³ a year",
                 "FSC (pending)"),
                ("Softwood sawn timber", "Inzales LLC", "up to 12,000 m³ a year", "GOST"),
            ], "Product catalogue"),
            "contact": "Economic development department of the district administration · "
                       "inza.invest@example.org · +7 84241 2-51-37",
        },
    },
    "dimitrovgrad": {
        "ru": {
            "heading": "Димитровград: экспортное предложение",
            "sub": _SUB_RU.format(what="каталог продукции"),
            "intro": "Наукоград предлагает радиоизотопную продукцию, автокомпоненты и "
                     "инженерные услуги.",
            "table": (_CAT_RU, [
                ("Медицинские радиоизотопы", "Научный центр (демонстрационный)",
                 "по заявкам клиник", "лицензии Ростехнадзора"),
                ("Автокомпоненты: подшипники, кронштейны", "Завод автокомпонентов",
                 "до 2 млн шт. в год", "IATF 16949"),
                ("Инженерные расчёты и испытания", "Инжиниринговый центр ТОР",
                 "по договорам", "ISO 9001"),
            ], "Каталог продукции"),
            "contact": "Латыпов Ринат Ильдарович · dimitrovgrad.external@example.org · "
                       "+7 (84235) 2-14-60",
        },
        "en": {
            "heading": "Dimitrovgrad: export offer",
            "sub": _SUB_EN.format(what="product catalogue"),
            "intro": "The science city offers radioisotope products, automotive components "
                     "and engineering services.",
            "table": (_CAT_EN, [
                ("Medical radioisotopes", "Research centre (sample)", "on clinics' orders",
                 "Rostekhnadzor licences"),
                ("Automotive parts: bearings, brackets", "Automotive components plant",
                 "up to 2 million pieces a year", "IATF 16949"),
                ("Engineering calculations and testing", "Priority development area "
                 "engineering centre", "by contract", "ISO 9001"),
            ], "Product catalogue"),
            "contact": "Rinat Latypov · dimitrovgrad.external@example.org · +7 84235 2-14-60",
        },
    },
    "novospasskoe": {
        "ru": {
            "heading": "Новоспасский район: экспортное предложение",
            "sub": _SUB_RU.format(what="каталог продукции"),
            "intro": "Сельскохозяйственная продукция и мёд района — на выставках в "
                     "Ташкенте, Минске и Харбине.",
            "table": (_CAT_RU, [
                ("Мёд липовый и гречишный", "Пасеки района (кооператив)", "до 60 т в год",
                 "ТР ТС, декларация"),
                ("Мука пшеничная высшего сорта", "Новоспасский мукомольный завод",
                 "до 25 тыс. т в год", "ГОСТ, ТР ТС"),
                ("Подсолнечник, семена", "Фермерские хозяйства", "до 15 тыс. т в год",
                 "фитосанитарный сертификат"),
                ("Сухое молоко", "Молочный завод", "до 1,5 тыс. т в год", "ТР ТС, халяль"),
            ], "Каталог продукции"),
            "contact": "Кузнецова Ольга Николаевна · novospasskoe.external@example.org · "
                       "+7 (84238) 2-20-45",
        },
        "en": {
            "heading": "Novospasskoye District: export offer",
            "sub": _SUB_EN.format(what="product catalogue"),
            "intro": "The district's farm produce and honey, shown at fairs in Tashkent, "
                     "Minsk and Harbin.",
            "table": (_CAT_EN, [
                ("Lime and buckwheat honey", "District apiaries (cooperative)",
                 "up to 60 t a year", "CU TR, declaration"),
                ("Premium wheat flour", "Novospasskoye flour mill", "up to 25,000 t a year",
                 "GOST, CU TR"),
                ("Sunflower seeds", "Family farms", "up to 15,000 t a year",
                 "phytosanitary certificate"),
                ("Milk powder", "Dairy plant", "up to 1,500 t a year", "CU TR, halal"),
            ], "Product catalogue"),
            "contact": "Olga Kuznetsova · novospasskoe.external@example.org · +7 84238 2-20-45",
        },
    },
}

_SITE_RU = ("Площадка", "Площадь", "Инфраструктура", "Условия")
_SITE_EN = ("Site", "Area", "Utilities and transport", "Terms")

INVESTMENT: dict[str, dict[str, dict]] = {
    "dimitrovgrad": {
        "ru": {
            "heading": "Димитровград: инвестиционное предложение",
            "sub": _SUB_RU.format(what="инвестиционные площадки"),
            "intro": "Территория опережающего развития «Димитровград»: льготные ставки "
                     "налогов и страховых взносов для новых производств.",
            "sections": [("Меры поддержки", "Налог на прибыль 5 % в первые пять лет, "
                          "сопровождение проекта «одно окно», подготовка кадров в "
                          "инженерной академии.")],
            "table": (_SITE_RU, [
                ("Промзона «Западная»", "24 га", "газ, 10 МВт, ж/д ветка", "аренда, выкуп"),
                ("Технопарк", "3 тыс. м²", "офисы и лаборатории", "аренда от 1 года"),
            ], "Инвестиционные площадки"),
            "contact": "dimitrovgrad.external@example.org · +7 (84235) 2-14-60",
        },
        "en": {
            "heading": "Dimitrovgrad: investment offer",
            "sub": _SUB_EN.format(what="investment sites"),
            "intro": "The 'Dimitrovgrad' priority development area: reduced taxes and social "
                     "contributions for new production.",
            "sections": [("Support", "5 % profit tax for the first five years, one-stop "
                          "project support, staff training at the engineering academy.")],
            "table": (_SITE_EN, [
                ("'Western' industrial zone", "24 ha", "gas, 10 MW, railway siding",
                 "lease or purchase"),
                ("Technology park", "3,000 m²", "offices and laboratories",
                 "lease from 1 year"),
            ], "Investment sites"),
            "contact": "dimitrovgrad.external@example.org · +7 84235 2-14-60",
        },
    },
    "novospasskoe": {
        "ru": {
            "heading": "Новоспасский район: инвестиционное предложение",
            "sub": _SUB_RU.format(what="инвестиционные площадки"),
            "intro": "Переработка сельскохозяйственного сырья рядом с полями и фермами; "
                     "трасса Сызрань — Ульяновск в 5 км.",
            "sections": [("Меры поддержки", "Субсидии на технику и переработку по "
                          "областным программам, льготы по налогу на имущество, "
                          "земля в аренду без торгов для масштабных проектов.")],
            "table": (_SITE_RU, [
                ("Бывший элеватор", "5 га", "газ, 1 МВт, ж/д ветка", "выкуп"),
                ("Участок у трассы", "12 га", "газ в 400 м, электричество", "аренда"),
            ], "Инвестиционные площадки"),
            "contact": "novospasskoe.external@example.org · +7 (84238) 2-20-45",
        },
        "en": {
            "heading": "Novospasskoye District: investment offer",
            "sub": _SUB_EN.format(what="investment sites"),
            "intro": "Processing of farm produce next to the fields; the Syzran — Ulyanovsk "
                     "highway is 5 km away.",
            "sections": [("Support", "Regional grants for machinery and processing, property "
                          "tax relief, land leased without auction for large projects.")],
            "table": (_SITE_EN, [
                ("Former grain elevator", "5 ha", "gas, 1 MW, railway siding", "purchase"),
                ("Site by the highway", "12 ha", "gas 400 m away, power", "lease"),
            ], "Investment sites"),
            "contact": "novospasskoe.external@example.org · +7 84238 2-20-45",
        },
    },
}

# A short video per municipality: scenes of (photo or None for the coat of arms, Russian
# caption, English caption), five seconds each. The captions are burnt in (both languages) and
# the same words are the transcript on the presentation pages.
VIDEO: dict[str, list[tuple[str | None, str, str]]] = {
    "inza": [
        (None, "Инзенский район Ульяновской области приглашает к сотрудничеству",
         "Inza District, Ulyanovsk Oblast, invites you to cooperate"),
        ("inza/news/2026-09-05-kobrin-friendship-day.jpg",
         "Дни дружбы с Кобринским районом Беларуси проходят каждый год",
         "Friendship Days with Kobrin District, Belarus, are held every year"),
        ("inza/news/2026-06-20-burabay-delegation.jpg",
         "Делегация Бурабайского района Казахстана на диатомитовом заводе",
         "A delegation from Burabay District, Kazakhstan, at the diatomite plant"),
        (None, "Внешние связи района: inza.external@example.org",
         "External relations: inza.external@example.org"),
    ],
    "dimitrovgrad": [
        (None, "Димитровград — наукоград на реке Черемшан",
         "Dimitrovgrad, a science city on the Cheremshan river"),
        ("dimitrovgrad/news/2026-08-27-nuclear-medicine-conference.jpg",
         "Конференция по ядерной медицине собрала учёных из пяти стран",
         "A nuclear medicine conference brought together scientists from five countries"),
        ("dimitrovgrad/news/2026-05-22-bulgarian-delegation.jpg",
         "Делегация города-побратима Димитровграда из Болгарии",
         "A delegation from the twin town of Dimitrovgrad, Bulgaria"),
        (None, "Внешние связи города: dimitrovgrad.external@example.org",
         "External relations: dimitrovgrad.external@example.org"),
    ],
    "novospasskoe": [
        (None, "Новоспасский район: зерно, молоко и мёд Поволжья",
         "Novospasskoye District: grain, milk and honey of the Volga region"),
        ("novospasskoe/news/2026-10-16-export-presentation.jpg",
         "Продукцию района представили иностранным покупателям",
         "The district's products were presented to foreign buyers"),
        ("novospasskoe/news/2026-06-05-kattakurgan-delegation.jpg",
         "Студенты из Каттакургана учатся в аграрном колледже",
         "Students from Kattakurgan study at the agricultural college"),
        (None, "Внешние связи района: novospasskoe.external@example.org",
         "External relations: novospasskoe.external@example.org"),
    ],
}
