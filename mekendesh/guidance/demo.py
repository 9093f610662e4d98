"""The demo's starter set of guidance, each text citing its legal basis and marked as example
content to be reviewed by the ministry, and the rules of stay the texts cite, for citizens of the
installation's country of origin (the rules are stored under that citizenship).

Kyrgyzstan's set: Russia, Kazakhstan, Turkey and South Korea, four topics each, in Kyrgyz,
Russian, Turkmen and English; its rules are those of a member of the Eurasian Economic Union and
of a visa-free entry to Turkey. They are never stored under another citizenship. For Turkmenistan,
Tajikistan and Uzbekistan the demo loads a smaller set that holds for their citizens
(:func:`demo_guidance`): their own texts (Turkmen citizens need a visa for Russia and, since 2022,
for Turkey, and work there on a work permit; Tajik and Uzbek citizens work in Russia on a patent
and are freed from registration for 15 days by bilateral agreements) and those of Kyrgyzstan's
texts that name no citizenship. Each version is written in the installation's languages only.

Every country's set also holds the host countries' terms its assistance cases run on (the days an
authority has to answer, to appeal in court, to leave after an expulsion decision: Russia, Turkey
and South Korea), which bind every foreigner alike; the demo loads the rules before its cases
(:func:`guidance_demo_rules_load`), so that their deadlines come from them.

Each text is written by one demo user and published by another (the workflow's four eyes), so
the demo shows the same history a real article has."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from django.conf import settings
from django.db import transaction

from mekendesh.guidance.models import Article, Rule, RuleKind, Topic, installation_languages
from mekendesh.guidance.services import article_create, rule_save, version_publish, version_save, version_submit
from mekendesh.reference.models import Country

EAEU = "Договор о Евразийском экономическом союзе от 29 мая 2014 года, статья 97"

# (destination, kind, value, from, legal basis)
RULES: tuple[tuple[str, str, int, dt.date, str], ...] = (
    ("RU", RuleKind.REGISTRATION_DAYS, 30, dt.date(2015, 8, 12), f"{EAEU}; Федеральный закон № 109-ФЗ"),
    ("RU", RuleKind.STAY_DAYS, 90, dt.date(2015, 8, 12), "Федеральный закон № 115-ФЗ, статья 5"),
    ("RU", RuleKind.STAY_PERIOD_DAYS, 180, dt.date(2015, 8, 12), "Федеральный закон № 115-ФЗ, статья 5"),
    ("KZ", RuleKind.REGISTRATION_DAYS, 30, dt.date(2015, 8, 12), f"{EAEU}; Закон РК «О миграции населения»"),
    ("KZ", RuleKind.STAY_DAYS, 90, dt.date(2015, 8, 12), "Закон РК «О миграции населения»"),
    ("KZ", RuleKind.STAY_PERIOD_DAYS, 180, dt.date(2015, 8, 12), "Закон РК «О миграции населения»"),
    (
        "TR",
        RuleKind.VISA_FREE_DAYS,
        90,
        dt.date(2014, 4, 11),
        "Law No. 6458 on Foreigners and International Protection",
    ),
    (
        "TR",
        RuleKind.STAY_PERIOD_DAYS,
        180,
        dt.date(2014, 4, 11),
        "Law No. 6458 on Foreigners and International Protection",
    ),
    ("KR", RuleKind.REGISTRATION_DAYS, 90, dt.date(2010, 1, 1), "Immigration Act of the Republic of Korea, article 31"),
)

T = tuple[str, str, str]  # title, body, legal basis

ARTICLES: dict[tuple[str, str], dict[str, T]] = {
    ("RU", Topic.REGISTRATION): {
        "ru": (
            "Миграционный учёт в России",
            "<p>Гражданин Кыргызстана, государства — члена ЕАЭС, может находиться в России без постановки на "
            "миграционный учёт (регистрации) {{rule:registration_days}} дней со дня въезда. Если вы остаётесь "
            "дольше, принимающая сторона — работодатель или владелец жилья — должна поставить вас на учёт по месту "
            "пребывания.</p><p>Сохраняйте отрывную часть уведомления о прибытии: её спрашивают при проверке. "
            "Без трудового договора можно находиться в России не более {{rule:stay_days}} дней в течение "
            "{{rule:stay_period_days}} дней.</p>",
            "Федеральный закон от 18.07.2006 № 109-ФЗ «О миграционном учёте иностранных граждан и лиц без "
            "гражданства в Российской Федерации»; Договор о ЕАЭС от 29.05.2014, статья 97",
        ),
        "ky": (
            "Россиядагы миграциялык каттоо",
            "<p>Кыргызстандын жараны (ЕАЭБдин мүчө мамлекети) Россияга кирген күндөн тартып "
            "{{rule:registration_days}} күн миграциялык каттоосуз (регистрациясыз) тура алат. Андан узак "
            "калсаңыз, кабыл алуучу тарап — иш берүүчү же үйдүн ээси — сизди турган жериңиз боюнча каттоого "
            "коюшу керек.</p><p>Келгендиги тууралуу билдирүүнүн үзүлмө бөлүгүн сактаңыз: текшерүүдө аны сурашат. "
            "Эмгек келишимисиз Россияда {{rule:stay_period_days}} күндүн ичинде {{rule:stay_days}} күндөн ашык "
            "турууга болбойт.</p>",
            "Россия Федерациясынын 2006-жылдын 18-июлундагы № 109-ФЗ «Миграциялык каттоо жөнүндө» Федералдык "
            "мыйзамы; Евразия экономикалык бирлиги жөнүндө келишим (29.05.2014), 97-берене",
        ),
        "tk": (
            "Russiýada migrasiýa hasaba alnyşy",
            "<p>Ýewraziýa ykdysady birleşiginiň agza döwleti bolan Gyrgyzystanyň raýaty Russiýa giren gününden "
            "başlap {{rule:registration_days}} günüň dowamynda migrasiýa hasabyna durmazdan bolup biler. Has uzak "
            "galsaňyz, kabul ediji tarap — iş beriji ýa-da jaýyň eýesi — sizi bolýan ýeriňiz boýunça hasaba "
            "goýmalydyr.</p><p>Gelendigiňiz barada habarnamanyň kesilýän bölegini saklaň: barlagda ony soraýarlar. "
            "Zähmet şertnamasyz Russiýada {{rule:stay_period_days}} günüň içinde {{rule:stay_days}} günden köp "
            "bolup bolmaýar.</p>",
            "Russiýa Federasiýasynyň 18.07.2006 ý. № 109-FZ «Migrasiýa hasaby hakynda» Federal kanuny; "
            "Ýewraziýa ykdysady birleşigi hakynda Şertnama (29.05.2014), 97-nji madda",
        ),
        "en": (
            "Migration registration in Russia",
            "<p>A citizen of Kyrgyzstan, a member state of the Eurasian Economic Union, may stay in Russia without "
            "migration registration for {{rule:registration_days}} days from the day of entry. If you stay longer, "
            "the receiving party — your employer or landlord — must register you at your place of stay.</p>"
            "<p>Keep the tear-off part of the arrival notification: it is asked for at checks. Without a labour "
            "contract you may stay no more than {{rule:stay_days}} days in any {{rule:stay_period_days}} days.</p>",
            "Federal Law No. 109-FZ of 18 July 2006 on the migration registration of foreign citizens; Treaty on "
            "the Eurasian Economic Union of 29 May 2014, article 97",
        ),
    },
    ("RU", Topic.WORK): {
        "ru": (
            "Работа в России",
            "<p>Граждане государств ЕАЭС работают в России без патента и разрешения на работу. Нужен письменный "
            "трудовой или гражданско-правовой договор; работодатель уведомляет МВД о заключении договора.</p>"
            "<p>Срок пребывания продлевается на срок действия договора. Не работайте без договора: при споре о "
            "зарплате он — главное доказательство.</p>",
            "Договор о ЕАЭС от 29.05.2014, статьи 97 и 98; Федеральный закон № 115-ФЗ «О правовом положении "
            "иностранных граждан в Российской Федерации»",
        ),
        "ky": (
            "Россияда иштөө",
            "<p>ЕАЭБ мамлекеттеринин жарандары Россияда патентсиз жана иштөөгө уруксатсыз иштешет. Жазуу жүзүндөгү "
            "эмгек же жарандык-укуктук келишим керек; иш берүүчү келишим түзүлгөнү тууралуу ИИМге билдирет.</p>"
            "<p>Туруу мөөнөтү келишимдин мөөнөтүнө узартылат. Келишимсиз иштебеңиз: айлык акы боюнча талаш чыкса, "
            "ал негизги далил болот.</p>",
            "Евразия экономикалык бирлиги жөнүндө келишим (29.05.2014), 97- жана 98-беренелер; Россия "
            "Федерациясынын № 115-ФЗ Федералдык мыйзамы",
        ),
        "tk": (
            "Russiýada işlemek",
            "<p>ÝYB döwletleriniň raýatlary Russiýada patentsiz we işlemäge rugsatnamasyz işleýärler. Ýazmaça zähmet "
            "ýa-da raýat-hukuk şertnamasy gerek; iş beriji şertnamanyň baglaşylandygy barada IIM-e habar berýär.</p>"
            "<p>Bolmak möhleti şertnamanyň möhletine uzaldylýar. Şertnamasyz işlemäň: aýlyk hakynda jedel ýüze "
            "çyksa, ol esasy subutnama bolar.</p>",
            "Ýewraziýa ykdysady birleşigi hakynda Şertnama (29.05.2014), 97-nji we 98-nji maddalar; Russiýa "
            "Federasiýasynyň № 115-FZ Federal kanuny",
        ),
        "en": (
            "Working in Russia",
            "<p>Citizens of the Eurasian Economic Union work in Russia without a patent or a work permit. You need a "
            "written labour or civil contract; the employer notifies the Ministry of Internal Affairs of it.</p>"
            "<p>Your stay is extended for the term of the contract. Do not work without a contract: in a dispute "
            "over wages it is the main evidence.</p>",
            "Treaty on the Eurasian Economic Union of 29 May 2014, articles 97 and 98; Federal Law No. 115-FZ on "
            "the legal status of foreign citizens",
        ),
    },
    ("RU", Topic.RESTRICTION_REGISTERS): {
        "ru": (
            "Реестр контролируемых лиц",
            "<p>С 5 февраля 2025 года МВД России ведёт реестр контролируемых лиц: в него вносят иностранцев, "
            "находящихся в России без законных оснований. Включённый в реестр не может открыть счёт в банке, "
            "водить машину, вступить в брак или купить недвижимость и должен выехать.</p><p>Проверьте себя на "
            "сайте МВД или на странице «Проверить мой статус». Если вас включили ошибочно, обратитесь в МВД и в "
            "консульство: оно поможет с заявлением.</p>",
            "Федеральный закон от 08.08.2024 № 260-ФЗ (реестр контролируемых лиц, действует с 05.02.2025); "
            "Федеральный закон № 115-ФЗ, статья 31.1",
        ),
        "ky": (
            "Көзөмөлдөнүүчү адамдардын реестри",
            "<p>2025-жылдын 5-февралынан тартып Россиянын ИИМи көзөмөлдөнүүчү адамдардын реестрин жүргүзөт: ага "
            "Россияда мыйзамдуу негизсиз жүргөн чет элдиктер киргизилет. Реестрге кирген адам банкта эсеп ача "
            "албайт, унаа айдай албайт, нике кые албайт, кыймылсыз мүлк сатып ала албайт жана өлкөдөн чыгып кетиши "
            "керек.</p><p>Өзүңүздү ИИМдин сайтынан же «Статусумду текшерүү» барагынан текшериңиз. Ката киргизилсеңиз, "
            "ИИМге жана консулдукка кайрылыңыз: арыз жазууга жардам берет.</p>",
            "Россия Федерациясынын 2024-жылдын 8-августундагы № 260-ФЗ Федералдык мыйзамы (реестр 05.02.2025-жылдан "
            "тартып иштейт); № 115-ФЗ Федералдык мыйзамы, 31.1-берене",
        ),
        "tk": (
            "Gözegçilikdäki adamlaryň sanawy",
            "<p>2025-nji ýylyň 5-nji fewralyndan başlap Russiýanyň IIM-i gözegçilikdäki adamlaryň sanawyny "
            "(reýestrini) alyp barýar: oňa Russiýada kanuny esassyz bolýan daşary ýurtlular girizilýär. Sanawa "
            "girizilen adam bankda hasap açyp, ulag sürüp, nika baglaşyp ýa-da gozgalmaýan emläk satyn alyp "
            "bilmeýär we ýurtdan çykmalydyr.</p><p>Özüňizi IIM-iň saýtynda ýa-da «Ýagdaýymy barla» sahypasynda "
            "barlaň. Ýalňyşlyk bilen girizilen bolsaňyz, IIM-e we konsullyga ýüz tutuň.</p>",
            "Russiýa Federasiýasynyň 08.08.2024 ý. № 260-FZ Federal kanuny (sanaw 05.02.2025-den güýje girýär); "
            "№ 115-FZ Federal kanuny, 31.1-nji madda",
        ),
        "en": (
            "The register of controlled persons",
            "<p>Since 5 February 2025 Russia's Ministry of Internal Affairs keeps a register of controlled persons: "
            "foreigners staying in Russia without a legal basis are entered in it. A person on the register cannot "
            "open a bank account, drive, marry or buy property, and must leave.</p><p>Check yourself on the "
            "ministry's website or on the “Check my status” page. If you were entered by mistake, apply to the "
            "ministry and to the consulate: it helps with the application.</p>",
            "Federal Law No. 260-FZ of 8 August 2024 (the register of controlled persons, in force from "
            "5 February 2025); Federal Law No. 115-FZ, article 31.1",
        ),
    },
    ("RU", Topic.EMERGENCY): {
        "ru": (
            "Экстренные контакты в России",
            "<p>Единый номер экстренных служб — 112 (полиция, скорая помощь, пожарные), звонок бесплатный и с "
            "телефона без SIM-карты.</p><p>Посольство Кыргызской Республики в Москве и генеральные консульства в "
            "Екатеринбурге и Новосибирске помогают при утрате паспорта, задержании, несчастном случае. Номера "
            "горячих линий — на сайте министерства иностранных дел.</p>",
            "Венская конвенция о консульских сношениях 1963 года, статьи 5 и 36",
        ),
        "ky": (
            "Россиядагы шашылыш байланыштар",
            "<p>Шашылыш кызматтардын бирдиктүү номери — 112 (полиция, тез жардам, өрт өчүрүүчүлөр), чалуу акысыз, "
            "SIM-картасыз телефондон да болот.</p><p>Кыргыз Республикасынын Москвадагы элчилиги жана "
            "Екатеринбургдагы, Новосибирсктеги башкы консулдуктары паспорт жоголгондо, кармалганда, кырсыкка "
            "кабылганда жардам беришет. Ишеним телефондору — Тышкы иштер министрлигинин сайтында.</p>",
            "Консулдук мамилелер жөнүндө Вена конвенциясы (1963), 5- жана 36-беренелер",
        ),
        "tk": (
            "Russiýada gyssagly aragatnaşyk",
            "<p>Gyssagly gullugyň bitewi belgisi — 112 (polisiýa, tiz kömek, ýangyn söndüriji), jaň mugt we "
            "SIM-kartsyz telefondan hem edilýär.</p><p>Gyrgyz Respublikasynyň Moskwadaky ilçihanasy we "
            "Ýekaterinburgdaky, Nowosibirskdäki baş konsullyklary pasport ýitende, tussag edilende, betbagtçylykly "
            "ýagdaýda kömek edýärler. Ynam telefonlary Daşary işler ministrliginiň saýtynda.</p>",
            "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji we 36-njy maddalar",
        ),
        "en": (
            "Emergency contacts in Russia",
            "<p>The single emergency number is 112 (police, ambulance, fire brigade); calls are free, also from a "
            "phone without a SIM card.</p><p>The Embassy of the Kyrgyz Republic in Moscow and the consulates general "
            "in Yekaterinburg and Novosibirsk help when a passport is lost, after an arrest or an accident. Their "
            "hotline numbers are on the website of the Ministry of Foreign Affairs.</p>",
            "Vienna Convention on Consular Relations (1963), articles 5 and 36",
        ),
    },
    ("KZ", Topic.REGISTRATION): {
        "ru": (
            "Регистрация в Казахстане",
            "<p>Граждане Кыргызстана как государства — члена ЕАЭС освобождены от регистрации "
            "{{rule:registration_days}} дней с даты въезда в Казахстан. При более долгом пребывании принимающая "
            "сторона регистрирует вас через портал электронного правительства или миграционную службу.</p>"
            "<p>Без трудового договора можно пребывать до {{rule:stay_days}} дней в течение "
            "{{rule:stay_period_days}} дней.</p>",
            "Закон Республики Казахстан от 22.07.2011 № 477-IV «О миграции населения»; Договор о ЕАЭС, статья 97",
        ),
        "ky": (
            "Казакстандагы каттоо",
            "<p>ЕАЭБдин мүчө мамлекети катары Кыргызстандын жарандары Казакстанга кирген күндөн тартып "
            "{{rule:registration_days}} күн каттоодон (регистрациядан) бошотулат. Узагыраак турсаңыз, кабыл алуучу "
            "тарап сизди электрондук өкмөт порталы же миграция кызматы аркылуу каттайт.</p><p>Эмгек келишимисиз "
            "{{rule:stay_period_days}} күндүн ичинде {{rule:stay_days}} күнгө чейин турууга болот.</p>",
            "Казакстан Республикасынын 2011-жылдын 22-июлундагы № 477-IV «Калктын миграциясы жөнүндө» мыйзамы; "
            "ЕАЭБ жөнүндө келишим, 97-берене",
        ),
        "tk": (
            "Gazagystanda hasaba alnyş",
            "<p>ÝYB-niň agza döwleti hökmünde Gyrgyzystanyň raýatlary Gazagystana giren gününden başlap "
            "{{rule:registration_days}} günüň dowamynda hasaba alnyşdan boşadylýar. Has uzak bolsaňyz, kabul ediji "
            "tarap sizi elektron hökümet portaly ýa-da migrasiýa gullugy arkaly hasaba alýar.</p><p>Zähmet "
            "şertnamasyz {{rule:stay_period_days}} günüň içinde {{rule:stay_days}} güne çenli bolup bolýar.</p>",
            "Gazagystan Respublikasynyň 22.07.2011 ý. № 477-IV «Ilatyň migrasiýasy hakynda» Kanuny; ÝYB hakynda "
            "Şertnama, 97-nji madda",
        ),
        "en": (
            "Registration in Kazakhstan",
            "<p>As citizens of a member state of the Eurasian Economic Union, citizens of Kyrgyzstan need no "
            "registration for {{rule:registration_days}} days from entering Kazakhstan. For a longer stay the "
            "receiving party registers you through the e-government portal or the migration service.</p><p>Without "
            "a labour contract you may stay up to {{rule:stay_days}} days in any {{rule:stay_period_days}} days.</p>",
            "Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 on the migration of the population; "
            "Treaty on the Eurasian Economic Union, article 97",
        ),
    },
    ("KZ", Topic.WORK): {
        "ru": (
            "Работа в Казахстане",
            "<p>Гражданам ЕАЭС разрешение на работу не нужно. Заключите письменный трудовой договор на русском или "
            "казахском языке и сохраните копию.</p>",
            "Договор о ЕАЭС, статьи 97 и 98; Трудовой кодекс Республики Казахстан",
        ),
        "ky": (
            "Казакстанда иштөө",
            "<p>ЕАЭБ жарандарына иштөөгө уруксат кереги жок. Орус же казак тилинде жазуу жүзүндөгү эмгек келишимин "
            "түзүп, анын көчүрмөсүн сактаңыз.</p>",
            "ЕАЭБ жөнүндө келишим, 97- жана 98-беренелер; Казакстан Республикасынын Эмгек кодекси",
        ),
        "tk": (
            "Gazagystanda işlemek",
            "<p>ÝYB raýatlaryna işlemäge rugsatnama gerek däl. Rus ýa-da gazak dilinde ýazmaça zähmet şertnamasyny "
            "baglaşyň we onuň nusgasyny saklaň.</p>",
            "ÝYB hakynda Şertnama, 97-nji we 98-nji maddalar; Gazagystan Respublikasynyň Zähmet kodeksi",
        ),
        "en": (
            "Working in Kazakhstan",
            "<p>Citizens of the Eurasian Economic Union need no work permit. Sign a written labour contract in "
            "Russian or Kazakh and keep a copy.</p>",
            "Treaty on the Eurasian Economic Union, articles 97 and 98; Labour Code of the Republic of Kazakhstan",
        ),
    },
    ("KZ", Topic.RESTRICTION_REGISTERS): {
        "ru": (
            "Запрет въезда в Казахстан",
            "<p>За нарушение сроков пребывания Казахстан может выдворить иностранца и запретить ему въезд на срок до "
            "пяти лет. Узнать, нет ли запрета, можно в миграционной службе или через консульство.</p>",
            "Закон Республики Казахстан «О миграции населения»; Кодекс РК об административных правонарушениях",
        ),
        "ky": (
            "Казакстанга кирүүгө тыюу",
            "<p>Туруу мөөнөтүн бузгандыгы үчүн Казакстан чет элдикти өлкөдөн чыгарып, беш жылга чейин кирүүгө тыюу "
            "салышы мүмкүн. Тыюу бар-жогун миграция кызматынан же консулдук аркылуу билсеңиз болот.</p>",
            "Казакстан Республикасынын «Калктын миграциясы жөнүндө» мыйзамы; КРдин Административдик укук "
            "бузуулар жөнүндө кодекси",
        ),
        "tk": (
            "Gazagystana girmegi gadagan etmek",
            "<p>Bolmak möhletini bozany üçin Gazagystan daşary ýurtlyny ýurtdan çykaryp, oňa bäş ýyla çenli girmegi "
            "gadagan edip biler. Gadaganlygyň bardygyny migrasiýa gullugyndan ýa-da konsullyk arkaly bilip "
            "bilersiňiz.</p>",
            "Gazagystan Respublikasynyň «Ilatyň migrasiýasy hakynda» Kanuny; Administratiw hukuk bozulmalary "
            "hakynda kodeksi",
        ),
        "en": (
            "Entry bans in Kazakhstan",
            "<p>For overstaying, Kazakhstan may expel a foreigner and ban their entry for up to five years. Ask the "
            "migration service, or the consulate, whether a ban applies to you.</p>",
            "Law of the Republic of Kazakhstan on the migration of the population; Code of Administrative "
            "Offences of the Republic of Kazakhstan",
        ),
    },
    ("KZ", Topic.EMERGENCY): {
        "ru": (
            "Экстренные контакты в Казахстане",
            "<p>Единый номер экстренных служб — 112. Посольство Кыргызской Республики в Астане и генеральное "
            "консульство в Алматы помогают гражданам в беде; номера — на сайте министерства иностранных дел.</p>",
            "Венская конвенция о консульских сношениях 1963 года, статья 5",
        ),
        "ky": (
            "Казакстандагы шашылыш байланыштар",
            "<p>Шашылыш кызматтардын бирдиктүү номери — 112. Кыргыз Республикасынын Астанадагы элчилиги жана "
            "Алматыдагы башкы консулдугу кырсыкка кабылган жарандарга жардам берет; номерлери Тышкы иштер "
            "министрлигинин сайтында.</p>",
            "Консулдук мамилелер жөнүндө Вена конвенциясы (1963), 5-берене",
        ),
        "tk": (
            "Gazagystanda gyssagly aragatnaşyk",
            "<p>Gyssagly gullugyň bitewi belgisi — 112. Gyrgyz Respublikasynyň Astanadaky ilçihanasy we Almatydaky "
            "baş konsullygy kynçylyga düşen raýatlara kömek edýär; belgiler Daşary işler ministrliginiň "
            "saýtynda.</p>",
            "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji madda",
        ),
        "en": (
            "Emergency contacts in Kazakhstan",
            "<p>The single emergency number is 112. The Embassy of the Kyrgyz Republic in Astana and the consulate "
            "general in Almaty help citizens in trouble; their numbers are on the website of the Ministry of Foreign "
            "Affairs.</p>",
            "Vienna Convention on Consular Relations (1963), article 5",
        ),
    },
    ("TR", Topic.REGISTRATION): {
        "ru": (
            "Пребывание и вид на жительство в Турции",
            "<p>Граждане Кыргызстана въезжают в Турцию без визы и находятся в ней до {{rule:visa_free_days}} дней "
            "в течение {{rule:stay_period_days}} дней. Чтобы остаться дольше, до истечения этого срока подайте "
            "заявление на вид на жительство (ikamet) через систему e-İkamet Управления по делам миграции.</p>"
            "<p>Превышение срока влечёт штраф и запрет въезда.</p>",
            "Закон Турецкой Республики № 6458 «Об иностранцах и международной защите», статьи 19–31",
        ),
        "ky": (
            "Түркияда туруу жана жашоого уруксат",
            "<p>Кыргызстандын жарандары Түркияга визасыз кирип, {{rule:stay_period_days}} күндүн ичинде "
            "{{rule:visa_free_days}} күнгө чейин турушат. Узагыраак калуу үчүн бул мөөнөт бүткөнгө чейин Миграция "
            "башкармалыгынын e-İkamet системасы аркылуу жашоого уруксатка (ikamet) арыз бериңиз.</p><p>Мөөнөттөн "
            "ашып кетсеңиз айып пул салынат жана кирүүгө тыюу салынат.</p>",
            "Түркия Республикасынын № 6458 «Чет элдиктер жана эл аралык коргоо жөнүндө» мыйзамы, 19–31-беренелер",
        ),
        "tk": (
            "Türkiýede bolmak we ýaşamaga rugsatnama",
            "<p>Gyrgyzystanyň raýatlary Türkiýä wizasyz girýärler we {{rule:stay_period_days}} günüň içinde "
            "{{rule:visa_free_days}} güne çenli bolýarlar. Has uzak galmak üçin bu möhlet gutarmanka Migrasiýa "
            "müdirliginiň e-İkamet ulgamy arkaly ýaşamaga rugsatnama (ikamet) üçin arza beriň.</p><p>Möhletden "
            "geçseňiz jerime salynýar we girmek gadagan edilýär.</p>",
            "Türkiýe Respublikasynyň № 6458 «Daşary ýurtlular we halkara goragy hakynda» Kanuny, 19–31-nji maddalar",
        ),
        "en": (
            "Stay and residence permits in Turkey",
            "<p>Citizens of Kyrgyzstan enter Turkey without a visa and may stay up to {{rule:visa_free_days}} days "
            "in any {{rule:stay_period_days}} days. To stay longer, apply for a residence permit (ikamet) through "
            "the Presidency of Migration Management's e-İkamet system before that time runs out.</p><p>Overstaying "
            "brings a fine and an entry ban.</p>",
            "Law No. 6458 on Foreigners and International Protection, articles 19 to 31",
        ),
    },
    ("TR", Topic.WORK): {
        "ru": (
            "Работа в Турции",
            "<p>Для работы в Турции нужно разрешение на работу; его запрашивает работодатель через Министерство "
            "труда. Работа по туристическому въезду незаконна и грозит депортацией.</p>",
            "Закон Турецкой Республики № 6735 «О международной рабочей силе»",
        ),
        "ky": (
            "Түркияда иштөө",
            "<p>Түркияда иштөө үчүн иштөөгө уруксат керек; аны иш берүүчү Эмгек министрлиги аркылуу сурайт. "
            "Туристтик кирүү менен иштөө мыйзамсыз жана депортацияга алып келет.</p>",
            "Түркия Республикасынын № 6735 «Эл аралык жумушчу күчү жөнүндө» мыйзамы",
        ),
        "tk": (
            "Türkiýede işlemek",
            "<p>Türkiýede işlemek üçin işlemäge rugsatnama gerek; ony iş beriji Zähmet ministrligi arkaly soraýar. "
            "Syýahatçylyk girelgesi bilen işlemek bikanun we deportasiýa getirýär.</p>",
            "Türkiýe Respublikasynyň № 6735 «Halkara iş güýji hakynda» Kanuny",
        ),
        "en": (
            "Working in Turkey",
            "<p>Working in Turkey takes a work permit, requested by the employer through the Ministry of Labour. "
            "Working after a tourist entry is illegal and leads to deportation.</p>",
            "Law No. 6735 on International Labour Force",
        ),
    },
    ("TR", Topic.RESTRICTION_REGISTERS): {
        "ru": (
            "Запреты въезда в Турцию",
            "<p>После превышения срока пребывания или депортации в паспортную систему Турции вносят код "
            "ограничения, и въезд запрещается на срок до пяти лет. Проверить, есть ли ограничение, можно через "
            "Управление по делам миграции или консульство.</p>",
            "Закон Турецкой Республики № 6458, статья 9",
        ),
        "ky": (
            "Түркияга кирүүгө тыюулар",
            "<p>Туруу мөөнөтүнөн ашып кеткенден же депортациядан кийин Түркиянын паспорттук системасына чектөө "
            "коду киргизилип, беш жылга чейин кирүүгө тыюу салынат. Чектөө бар-жогун Миграция башкармалыгы же "
            "консулдук аркылуу текшерсеңиз болот.</p>",
            "Түркия Республикасынын № 6458 мыйзамы, 9-берене",
        ),
        "tk": (
            "Türkiýä girmegiň gadaganlyklary",
            "<p>Bolmak möhletinden geçenden ýa-da deportasiýadan soň Türkiýäniň pasport ulgamyna çäklendirme kody "
            "girizilýär we bäş ýyla çenli girmek gadagan edilýär. Çäklendirmäniň bardygyny Migrasiýa müdirligi "
            "ýa-da konsullyk arkaly barlap bilersiňiz.</p>",
            "Türkiýe Respublikasynyň № 6458 Kanuny, 9-njy madda",
        ),
        "en": (
            "Entry bans in Turkey",
            "<p>After an overstay or a deportation a restriction code is entered in Turkey's border system and "
            "entry is banned for up to five years. Ask the Presidency of Migration Management, or the consulate, "
            "whether a restriction applies to you.</p>",
            "Law No. 6458 on Foreigners and International Protection, article 9",
        ),
    },
    ("TR", Topic.EMERGENCY): {
        "ru": (
            "Экстренные контакты в Турции",
            "<p>Единый номер экстренных служб — 112. Посольство Кыргызской Республики в Анкаре и генеральное "
            "консульство в Стамбуле помогают гражданам в беде; номера — на сайте министерства иностранных дел.</p>",
            "Венская конвенция о консульских сношениях 1963 года, статья 5",
        ),
        "ky": (
            "Түркиядагы шашылыш байланыштар",
            "<p>Шашылыш кызматтардын бирдиктүү номери — 112. Кыргыз Республикасынын Анкарадагы элчилиги жана "
            "Стамбулдагы башкы консулдугу кырсыкка кабылган жарандарга жардам берет; номерлери Тышкы иштер "
            "министрлигинин сайтында.</p>",
            "Консулдук мамилелер жөнүндө Вена конвенциясы (1963), 5-берене",
        ),
        "tk": (
            "Türkiýede gyssagly aragatnaşyk",
            "<p>Gyssagly gullugyň bitewi belgisi — 112. Gyrgyz Respublikasynyň Ankaradaky ilçihanasy we "
            "Stambuldaky baş konsullygy kynçylyga düşen raýatlara kömek edýär; belgiler Daşary işler ministrliginiň "
            "saýtynda.</p>",
            "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji madda",
        ),
        "en": (
            "Emergency contacts in Turkey",
            "<p>The single emergency number is 112. The Embassy of the Kyrgyz Republic in Ankara and the consulate "
            "general in Istanbul help citizens in trouble; their numbers are on the website of the Ministry of "
            "Foreign Affairs.</p>",
            "Vienna Convention on Consular Relations (1963), article 5",
        ),
    },
    ("KR", Topic.REGISTRATION): {
        "ru": (
            "Регистрация иностранца в Южной Корее",
            "<p>Иностранец, въехавший в Корею на срок больше 90 дней (например, по визе E-9 системы разрешений на "
            "трудоустройство EPS), регистрируется в иммиграционной службе в течение {{rule:registration_days}} дней "
            "после въезда и получает карту регистрации иностранца.</p><p>Запишитесь на приём через портал HiKorea; "
            "о смене адреса сообщайте в течение 14 дней.</p>",
            "Закон Республики Корея об иммиграционном контроле, статьи 31 и 36",
        ),
        "ky": (
            "Түштүк Кореяда чет элдикти каттоо",
            "<p>Кореяга 90 күндөн ашык мөөнөткө кирген чет элдик (мисалы, EPS ишке орношууга уруксат системасынын "
            "E-9 визасы менен) киргенден кийин {{rule:registration_days}} күндүн ичинде иммиграция кызматында "
            "катталып, чет элдиктин каттоо картасын алат.</p><p>Кабыл алууга HiKorea порталы аркылуу жазылыңыз; "
            "дарегиңиз өзгөрсө 14 күндүн ичинде билдириңиз.</p>",
            "Корея Республикасынын Иммиграциялык көзөмөл жөнүндө мыйзамы, 31- жана 36-беренелер",
        ),
        "tk": (
            "Günorta Koreýada daşary ýurtlyny hasaba almak",
            "<p>Koreýa 90 günden köp möhlete giren daşary ýurtly (meselem, EPS işe ýerleşmäge rugsat ulgamynyň E-9 "
            "wizasy bilen) girenden soň {{rule:registration_days}} günüň içinde immigrasiýa gullugynda hasaba "
            "alynýar we daşary ýurtlynyň hasaba alyş kartyny alýar.</p><p>Kabul edişlige HiKorea portaly arkaly "
            "ýazylyň; salgyňyz üýtgese 14 günüň içinde habar beriň.</p>",
            "Koreýa Respublikasynyň Immigrasiýa gözegçiligi hakynda Kanuny, 31-nji we 36-njy maddalar",
        ),
        "en": (
            "Alien registration in South Korea",
            "<p>A foreigner who enters Korea for more than 90 days (for example on an E-9 visa of the Employment "
            "Permit System) registers with the immigration office within {{rule:registration_days}} days of entry "
            "and receives a residence card.</p><p>Book an appointment through the HiKorea portal; report a change of "
            "address within 14 days.</p>",
            "Immigration Act of the Republic of Korea, articles 31 and 36",
        ),
    },
    ("KR", Topic.WORK): {
        "ru": (
            "Работа в Южной Корее по системе EPS",
            "<p>Граждане Кыргызстана работают в Корее по системе разрешений на трудоустройство (EPS): экзамен по "
            "корейскому языку, договор с корейским работодателем, виза E-9. Сменить работодателя можно только в "
            "случаях, которые назначает закон, и через центр занятости.</p>",
            "Закон Республики Корея о трудоустройстве иностранных работников; соглашение о EPS между Кыргызстаном "
            "и Кореей",
        ),
        "ky": (
            "Түштүк Кореяда EPS системасы боюнча иштөө",
            "<p>Кыргызстандын жарандары Кореяда ишке орношууга уруксат системасы (EPS) боюнча иштешет: корей тили "
            "боюнча сынак, корей иш берүүчүсү менен келишим, E-9 визасы. Иш берүүчүнү мыйзамда көрсөтүлгөн "
            "учурларда гана жана жумуш борбору аркылуу алмаштырууга болот.</p>",
            "Корея Республикасынын Чет элдик жумушчуларды ишке орноштуруу жөнүндө мыйзамы; Кыргызстан менен Корея "
            "ортосундагы EPS боюнча макулдашуу",
        ),
        "tk": (
            "Günorta Koreýada EPS ulgamy boýunça işlemek",
            "<p>Gyrgyzystanyň raýatlary Koreýada işe ýerleşmäge rugsat ulgamy (EPS) boýunça işleýärler: koreý dili "
            "boýunça synag, koreý iş berijisi bilen şertnama, E-9 wizasy. Iş berijini diňe kanunda görkezilen "
            "ýagdaýlarda we iş merkezi arkaly çalşyp bolýar.</p>",
            "Koreýa Respublikasynyň Daşary ýurtly işçileri işe ýerleşdirmek hakynda Kanuny; EPS boýunça ylalaşyk",
        ),
        "en": (
            "Working in South Korea under the EPS",
            "<p>Citizens of Kyrgyzstan work in Korea under the Employment Permit System (EPS): a Korean language "
            "test, a contract with a Korean employer, an E-9 visa. The employer can be changed only in the cases "
            "the law sets, through a job centre.</p>",
            "Act on the Employment of Foreign Workers of the Republic of Korea; the EPS memorandum between "
            "Kyrgyzstan and Korea",
        ),
    },
    ("KR", Topic.RESTRICTION_REGISTERS): {
        "ru": (
            "Нарушение сроков и запрет въезда в Корею",
            "<p>Оставшийся в Корее после окончания визы может быть выдворен и получить запрет въезда. Свой статус и "
            "срок пребывания проверяйте на портале HiKorea или по номеру 1345 (справочный центр для "
            "иностранцев).</p>",
            "Закон Республики Корея об иммиграционном контроле, статьи 11 и 46",
        ),
        "ky": (
            "Мөөнөттү бузуу жана Кореяга кирүүгө тыюу",
            "<p>Виза бүткөндөн кийин Кореяда калган адам өлкөдөн чыгарылып, кирүүгө тыюу алышы мүмкүн. Статусуңузду "
            "жана туруу мөөнөтүңүздү HiKorea порталынан же 1345 номери (чет элдиктер үчүн маалымат борбору) аркылуу "
            "текшериңиз.</p>",
            "Корея Республикасынын Иммиграциялык көзөмөл жөнүндө мыйзамы, 11- жана 46-беренелер",
        ),
        "tk": (
            "Möhleti bozmak we Koreýa girmegi gadagan etmek",
            "<p>Wiza gutarandan soň Koreýada galan adam ýurtdan çykarylyp, girmek gadaganlygyny alyp biler. "
            "Ýagdaýyňyzy we bolmak möhletiňizi HiKorea portalynda ýa-da 1345 belgisi (daşary ýurtlular üçin maglumat "
            "merkezi) arkaly barlaň.</p>",
            "Koreýa Respublikasynyň Immigrasiýa gözegçiligi hakynda Kanuny, 11-nji we 46-njy maddalar",
        ),
        "en": (
            "Overstaying and entry bans in Korea",
            "<p>A person who stays in Korea after their visa ends may be removed and banned from entering. Check your "
            "status and the end of your stay on the HiKorea portal or by calling 1345, the immigration contact "
            "centre.</p>",
            "Immigration Act of the Republic of Korea, articles 11 and 46",
        ),
    },
    ("KR", Topic.EMERGENCY): {
        "ru": (
            "Экстренные контакты в Южной Корее",
            "<p>Полиция — 112, пожарные и скорая помощь — 119, справочный центр для иностранцев — 1345 (в том числе "
            "на русском языке). Посольство Кыргызской Республики в Сеуле помогает гражданам в беде.</p>",
            "Венская конвенция о консульских сношениях 1963 года, статья 5",
        ),
        "ky": (
            "Түштүк Кореядагы шашылыш байланыштар",
            "<p>Полиция — 112, өрт өчүрүүчүлөр жана тез жардам — 119, чет элдиктер үчүн маалымат борбору — 1345 "
            "(орус тилинде да). Кыргыз Республикасынын Сеулдагы элчилиги кырсыкка кабылган жарандарга жардам "
            "берет.</p>",
            "Консулдук мамилелер жөнүндө Вена конвенциясы (1963), 5-берене",
        ),
        "tk": (
            "Günorta Koreýada gyssagly aragatnaşyk",
            "<p>Polisiýa — 112, ýangyn söndüriji we tiz kömek — 119, daşary ýurtlular üçin maglumat merkezi — 1345 "
            "(rus dilinde hem). Gyrgyz Respublikasynyň Seuldaky ilçihanasy kynçylyga düşen raýatlara kömek "
            "edýär.</p>",
            "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji madda",
        ),
        "en": (
            "Emergency contacts in South Korea",
            "<p>Police 112, fire and ambulance 119, the immigration contact centre for foreigners 1345 (also in "
            "Russian). The Embassy of the Kyrgyz Republic in Seoul helps citizens in trouble.</p>",
            "Vienna Convention on Consular Relations (1963), article 5",
        ),
    },
}


# --- other citizenships ------------------------------------------------------------------------
# Kyrgyzstan's texts above state the rules for Kyrgyz citizens (members of the Eurasian Economic
# Union); they are loaded for Kyrgyzstan only. These of them name no citizenship and cite no rule
# that depends on one, and hold for every citizen of a country of origin: another country's demo
# loads them for the destinations its people go to, with their Tajik and Uzbek versions below.
SHARED: frozenset[tuple[str, str]] = frozenset(
    {
        ("RU", Topic.RESTRICTION_REGISTERS),
        ("KZ", Topic.RESTRICTION_REGISTERS),
        ("TR", Topic.WORK),
        ("TR", Topic.RESTRICTION_REGISTERS),
        ("KR", Topic.REGISTRATION),
        ("KR", Topic.RESTRICTION_REGISTERS),
    }
)
# Kyrgyzstan's rules that hold for every citizenship (the Korean Immigration Act binds every foreigner).
SHARED_RULES: frozenset[tuple[str, str]] = frozenset({("KR", RuleKind.REGISTRATION_DAYS)})

TRANSLATIONS: dict[tuple[str, str], dict[str, T]] = {
    ("RU", Topic.RESTRICTION_REGISTERS): {
        "tg": (
            "Феҳристи шахсони назоратшаванда",
            "<p>Аз 5 феврали соли 2025 ВКД-и Русия феҳристи шахсони назоратшавандаро пеш мебарад: ба он "
            "хориҷиёне дохил карда мешаванд, ки дар Русия бе асоси қонунӣ қарор доранд. Шахси ба феҳрист "
            "дохилшуда наметавонад дар бонк суратҳисоб кушояд, мошин ронад, никоҳ бандад ё амволи ғайриманқул "
            "харад ва бояд аз кишвар барояд.</p><p>Худро дар сомонаи ВКД ё дар саҳифаи «Санҷиши вазъи ман» "
            "санҷед. Агар шуморо хато дохил карда бошанд, ба ВКД ва ба консулгарӣ муроҷиат кунед: он дар навиштани "
            "ариза кӯмак мерасонад.</p>",
            "Қонуни федералии Федератсияи Россия аз 8 августи соли 2024, № 260-ФЗ (феҳрист аз 5 феврали соли "
            "2025 амал мекунад); Қонуни федералии № 115-ФЗ, моддаи 31.1",
        ),
        "uz": (
            "Nazorat qilinadigan shaxslar reyestri",
            "<p>2025-yil 5-fevraldan boshlab Rossiya IIV nazorat qilinadigan shaxslar reyestrini yuritadi: unga "
            "Rossiyada qonuniy asossiz turgan chet elliklar kiritiladi. Reyestrga kiritilgan shaxs bankda hisob "
            "ocha olmaydi, avtomobil boshqara olmaydi, nikohdan oʻta olmaydi, koʻchmas mulk sotib ola olmaydi va "
            "mamlakatdan chiqib ketishi kerak.</p><p>Oʻzingizni IIV saytida yoki «Holatimni tekshirish» sahifasida "
            "tekshiring. Agar sizni xato bilan kiritishgan boʻlsa, IIVga va konsullikka murojaat qiling: u ariza "
            "yozishda yordam beradi.</p>",
            "Rossiya Federatsiyasining 2024-yil 8-avgustdagi 260-FZ-son Federal qonuni (reyestr 2025-yil "
            "5-fevraldan amal qiladi); 115-FZ-son Federal qonun, 31.1-modda",
        ),
    },
    ("KZ", Topic.RESTRICTION_REGISTERS): {
        "tg": (
            "Манъи вуруд ба Қазоқистон",
            "<p>Барои вайрон кардани мӯҳлати будубош Қазоқистон метавонад хориҷиро аз кишвар хориҷ кунад ва "
            "вурудашро то панҷ сол манъ намояд. Оё манъ ҳаст ё не, аз хадамоти муҳоҷират ё тавассути консулгарӣ "
            "фаҳмида метавонед.</p>",
            "Қонуни Ҷумҳурии Қазоқистон «Дар бораи муҳоҷирати аҳолӣ»; Кодекси Ҷумҳурии Қазоқистон дар бораи "
            "ҳуқуқвайронкуниҳои маъмурӣ",
        ),
        "uz": (
            "Qozogʻistonga kirish taqiqi",
            "<p>Boʻlish muddatini buzgani uchun Qozogʻiston chet ellikni mamlakatdan chiqarib yuborishi va unga "
            "besh yilgacha kirishni taqiqlashi mumkin. Taqiq bor-yoʻqligini migratsiya xizmatidan yoki konsullik "
            "orqali bilishingiz mumkin.</p>",
            "Qozogʻiston Respublikasining «Aholi migratsiyasi toʻgʻrisida»gi Qonuni; Qozogʻiston Respublikasining "
            "Maʼmuriy huquqbuzarliklar toʻgʻrisidagi kodeksi",
        ),
    },
    ("TR", Topic.WORK): {
        "tg": (
            "Кор дар Туркия",
            "<p>Барои кор дар Туркия иҷозати кор лозим аст; онро корфармо тавассути Вазорати меҳнат дархост "
            "мекунад. Кор бо вуруди сайёҳӣ ғайриқонунӣ аст ва ба ихроҷ оварда мерасонад.</p>",
            "Қонуни Ҷумҳурии Туркия № 6735 «Дар бораи қувваи кории байналмилалӣ»",
        ),
        "uz": (
            "Turkiyada ishlash",
            "<p>Turkiyada ishlash uchun ishlashga ruxsatnoma kerak; uni ish beruvchi Mehnat vazirligi orqali "
            "soʻraydi. Turistik kirish bilan ishlash noqonuniy va deportatsiyaga olib keladi.</p>",
            "Turkiya Respublikasining 6735-son «Xalqaro ishchi kuchi toʻgʻrisida»gi Qonuni",
        ),
    },
    ("TR", Topic.RESTRICTION_REGISTERS): {
        "tg": (
            "Манъи вуруд ба Туркия",
            "<p>Пас аз гузаштани мӯҳлати будубош ё ихроҷ ба системаи шиносномавии Туркия рамзи маҳдудият ворид "
            "карда мешавад ва вуруд то панҷ сол манъ мегардад. Оё маҳдудият ҳаст ё не, тавассути Раёсати "
            "идоракунии муҳоҷират ё консулгарӣ санҷида метавонед.</p>",
            "Қонуни Ҷумҳурии Туркия № 6458, моддаи 9",
        ),
        "uz": (
            "Turkiyaga kirish taqiqlari",
            "<p>Boʻlish muddati oshirib yuborilgandan yoki deportatsiyadan keyin Turkiyaning pasport tizimiga "
            "cheklov kodi kiritiladi va besh yilgacha kirish taqiqlanadi. Cheklov bor-yoʻqligini Migratsiyani "
            "boshqarish boshqarmasi yoki konsullik orqali tekshirishingiz mumkin.</p>",
            "Turkiya Respublikasining 6458-son Qonuni, 9-modda",
        ),
    },
    ("KR", Topic.REGISTRATION): {
        "tg": (
            "Бақайдгирии хориҷӣ дар Кореяи Ҷанубӣ",
            "<p>Хориҷие, ки ба Корея ба мӯҳлати зиёда аз 90 рӯз ворид шудааст (масалан, бо раводиди E-9-и "
            "низоми иҷозати корӣ EPS), дар давоми {{rule:registration_days}} рӯз пас аз вуруд дар хадамоти "
            "муҳоҷират ба қайд гирифта мешавад ва корти бақайдгирии хориҷӣ мегирад.</p><p>Тавассути портали "
            "HiKorea ба қабул сабти ном шавед; дар бораи иваз кардани суроға дар давоми 14 рӯз хабар диҳед.</p>",
            "Қонуни Ҷумҳурии Корея дар бораи назорати муҳоҷират, моддаҳои 31 ва 36",
        ),
        "uz": (
            "Janubiy Koreyada chet elliklarni roʻyxatga olish",
            "<p>Koreyaga 90 kundan ortiq muddatga kirgan chet ellik (masalan, EPS ishga joylashish ruxsatnomalari "
            "tizimining E-9 vizasi bilan) kirganidan keyin {{rule:registration_days}} kun ichida immigratsiya "
            "xizmatida roʻyxatdan oʻtadi va chet ellikning roʻyxatga olish kartasini oladi.</p><p>Qabulga HiKorea "
            "portali orqali yoziling; manzilingiz oʻzgarsa, 14 kun ichida xabar bering.</p>",
            "Koreya Respublikasining Immigratsiya nazorati toʻgʻrisidagi qonuni, 31 va 36-moddalar",
        ),
    },
    ("KR", Topic.RESTRICTION_REGISTERS): {
        "tg": (
            "Вайрон кардани мӯҳлат ва манъи вуруд ба Корея",
            "<p>Шахсе, ки пас аз ба охир расидани раводид дар Корея мемонад, метавонад ихроҷ шавад ва манъи вуруд "
            "гирад. Вазъ ва мӯҳлати будубоши худро дар портали HiKorea ё бо рақами 1345 (маркази маълумот барои "
            "хориҷиён) санҷед.</p>",
            "Қонуни Ҷумҳурии Корея дар бораи назорати муҳоҷират, моддаҳои 11 ва 46",
        ),
        "uz": (
            "Muddatni buzish va Koreyaga kirish taqiqi",
            "<p>Viza muddati tugagandan keyin Koreyada qolgan shaxs mamlakatdan chiqarib yuborilishi va kirish "
            "taqiqini olishi mumkin. Maqomingiz va boʻlish muddatingizni HiKorea portalida yoki 1345 raqami (chet "
            "elliklar uchun maʼlumot markazi) orqali tekshiring.</p>",
            "Koreya Respublikasining Immigratsiya nazorati toʻgʻrisidagi qonuni, 11 va 46-moddalar",
        ),
    },
}


class _Rule(NamedTuple):
    destination: str
    kind: str
    value: int
    start: dt.date
    basis: str
    note: str = ""


_IN_FORCE_BY = "Example content: in force by this date at the latest; the ministry confirms the date it took effect."
_STAY_90_180 = "Федеральный закон № 115-ФЗ «О правовом положении иностранных граждан в Российской Федерации», статья 5"

# The rules of stay of each other citizenship (citizens of Turkmenistan, Tajikistan, Uzbekistan).
# Turkmen citizens need a visa for Russia (its term sets the stay) and register within seven
# working days (Federal Law No. 109-FZ, article 20), a term the rules here (in days) do not
# express: their articles state it in words.
ORIGIN_RULES: dict[str, tuple[_Rule, ...]] = {
    "TM": (),
    "TJ": (
        _Rule(
            "RU",
            RuleKind.REGISTRATION_DAYS,
            15,
            dt.date(2018, 1, 1),
            "Соглашение между Российской Федерацией и Республикой Таджикистан о порядке пребывания граждан "
            "Республики Таджикистан на территории Российской Федерации от 8 февраля 2013 года (ратифицировано "
            "Федеральным законом от 28.12.2013 № 393-ФЗ)",
            _IN_FORCE_BY,
        ),
        _Rule("RU", RuleKind.STAY_DAYS, 90, dt.date(2015, 1, 1), _STAY_90_180, _IN_FORCE_BY),
        _Rule("RU", RuleKind.STAY_PERIOD_DAYS, 180, dt.date(2015, 1, 1), _STAY_90_180, _IN_FORCE_BY),
    ),
    "UZ": (
        _Rule(
            "RU",
            RuleKind.REGISTRATION_DAYS,
            15,
            dt.date(2022, 6, 4),
            "Соглашение между Правительством Российской Федерации и Правительством Республики Узбекистан о "
            "порядке пребывания граждан Российской Федерации на территории Республики Узбекистан и граждан "
            "Республики Узбекистан на территории Российской Федерации (21 мая и 17 июня 2021 года, вступило в "
            "силу 4 июня 2022 года)",
        ),
        _Rule("RU", RuleKind.STAY_DAYS, 90, dt.date(2015, 1, 1), _STAY_90_180, _IN_FORCE_BY),
        _Rule("RU", RuleKind.STAY_PERIOD_DAYS, 180, dt.date(2015, 1, 1), _STAY_90_180, _IN_FORCE_BY),
    ),
}

# The host country's terms that assistance cases run on (mekendesh.cases.workflows: the time an
# authority has to answer, to appeal its refusal in court, to leave after an expulsion decision).
# They bind every foreigner alike, members of the Eurasian Economic Union too (the EAEU Treaty
# sets none of them), so every citizenship's demo loads them for the destinations its people go
# to. Kazakhstan's are left to the ministry: none is stated here.
_EXAMPLE = "Example content, to be reviewed by the ministry."
_DATE_TO_CONFIRM = "In force by this date at the latest; the ministry confirms the date."
CASE_RULES: tuple[_Rule, ...] = (
    _Rule(
        "RU",
        RuleKind.AUTHORITY_ANSWER_DAYS,
        30,
        dt.date(2006, 11, 2),
        "Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской "
        "Федерации», статья 12, часть 1",
        f"{_EXAMPLE} Thirty days from the day the written request is registered; the law covers requests of "
        "foreign citizens too; in exceptional cases the authority may extend the term by up to 30 days "
        "(article 12, part 2), telling the sender.",
    ),
    _Rule(
        "RU",
        RuleKind.COURT_APPEAL_DAYS,
        90,
        dt.date(2015, 9, 15),
        "Кодекс административного судопроизводства Российской Федерации от 08.03.2015 № 21-ФЗ, статья 219, часть 1",
        f"{_EXAMPLE} The Code gives three months from the day the person learned of the decision, kept here as "
        "90 days. A court's decision in an administrative offence case (an expulsion) is appealed under the Code "
        "of Administrative Offences (article 30.3, part 1: ten days) instead.",
    ),
    _Rule(
        "RU",
        RuleKind.DEPARTURE_DAYS,
        5,
        dt.date(2015, 1, 1),
        "Кодекс Российской Федерации об административных правонарушениях, статья 32.10, часть 6",
        f"{_EXAMPLE} Five days after the day the court's decision of administrative expulsion by controlled "
        f"self-departure takes effect. {_DATE_TO_CONFIRM}",
    ),
    _Rule(
        "TR",
        RuleKind.AUTHORITY_ANSWER_DAYS,
        30,
        dt.date(2015, 1, 1),
        "Law No. 3071 on the Use of the Right to Petition (Dilekçe Hakkının Kullanılmasına Dair Kanun), article 7",
        f"{_EXAMPLE} The answer is due within thirty days; the law covers petitions of foreigners residing in "
        f"Turkey, written in Turkish. {_DATE_TO_CONFIRM}",
    ),
    _Rule(
        "TR",
        RuleKind.COURT_APPEAL_DAYS,
        60,
        dt.date(2015, 1, 1),
        "Law No. 2577 on Administrative Procedure (İdari Yargılama Usulü Kanunu), article 7, paragraph 1",
        f"{_EXAMPLE} Sixty days from the notification of the decision, where no special law sets another term "
        f"(a deportation decision has a shorter one: Law No. 6458, article 53). {_DATE_TO_CONFIRM}",
    ),
    _Rule(
        "TR",
        RuleKind.DEPARTURE_DAYS,
        15,
        dt.date(2014, 4, 11),
        "Law No. 6458 on Foreigners and International Protection, article 56, paragraph 1",
        f"{_EXAMPLE} A deportation decision may give fifteen to thirty days to leave (none where the person may "
        "abscond): the shortest is kept here.",
    ),
    _Rule(
        "KR",
        RuleKind.COURT_APPEAL_DAYS,
        90,
        dt.date(2010, 1, 1),
        "Administrative Litigation Act of the Republic of Korea, article 20, paragraph 1",
        f"{_EXAMPLE} An action to revoke a disposition is filed within 90 days of the day the person learned of "
        f"it. {_DATE_TO_CONFIRM}",
    ),
)

_VIENNA_RU = "Венская конвенция о консульских сношениях 1963 года, статьи 5 и 36"
_VIENNA_EN = "Vienna Convention on Consular Relations (1963), articles 5 and 36"
_PATENT_RU = (
    "Федеральный закон № 115-ФЗ «О правовом положении иностранных граждан в Российской Федерации», статья 13.3; "
    "Налоговый кодекс Российской Федерации, статья 227.1"
)
_PATENT_EN = (
    "Federal Law No. 115-FZ on the legal status of foreign citizens, article 13.3; Tax Code of the Russian "
    "Federation, article 227.1"
)


def _patent(citizens_ru: str, citizens_en: str) -> dict[str, T]:
    """The article on the patent, for the citizens of a visa-free country outside the EAEU."""
    return {
        "ru": (
            "Работа в России: патент",
            f"<p>{citizens_ru} въезжают в Россию без визы и работают по патенту. Заявление на патент подаётся в "
            "МВД в течение 30 дней со дня въезда; цель визита в миграционной карте — «работа». Нужны медицинское "
            "освидетельствование, дактилоскопия, сертификат о знании русского языка, истории России и основ "
            "законодательства и полис добровольного медицинского страхования.</p><p>Патент действует, пока вы "
            "каждый месяц вовремя вносите фиксированный авансовый платёж по налогу на доходы: пропуск платежа "
            "прекращает патент. Сохраняйте все чеки.</p>",
            _PATENT_RU,
        ),
        "en": (
            "Working in Russia: the patent",
            f"<p>{citizens_en} enter Russia without a visa and work on a patent. Apply for it to the Ministry of "
            "Internal Affairs within 30 days of entry, with “work” as the purpose of the visit on your migration "
            "card. You need a medical examination, fingerprinting, a certificate of Russian language, Russian "
            "history and the basics of Russian law, and voluntary health insurance.</p><p>The patent stays valid as "
            "long as you pay the fixed advance income tax every month on time: a missed payment ends the patent. "
            "Keep every receipt.</p>",
            _PATENT_EN,
        ),
    }


def _registration(citizens_ru: str, citizens_en: str, treaty_ru: str, treaty_en: str) -> dict[str, T]:
    """The article on migration registration, for citizens freed from it for a number of days."""
    return {
        "ru": (
            "Миграционный учёт в России",
            f"<p>{citizens_ru} могут находиться в России без постановки на миграционный учёт "
            "{{rule:registration_days}} дней со дня въезда. Если вы остаётесь дольше, принимающая сторона — "
            "работодатель или владелец жилья — должна поставить вас на учёт по месту пребывания.</p><p>Сохраняйте "
            "отрывную часть уведомления о прибытии: её спрашивают при проверке. Без патента можно находиться в "
            "России не более {{rule:stay_days}} дней в течение {{rule:stay_period_days}} дней.</p>",
            f"{treaty_ru}; Федеральный закон от 18.07.2006 № 109-ФЗ «О миграционном учёте иностранных граждан и "
            "лиц без гражданства в Российской Федерации»; Федеральный закон № 115-ФЗ, статья 5",
        ),
        "en": (
            "Migration registration in Russia",
            f"<p>{citizens_en} may stay in Russia without migration registration for {{{{rule:registration_days}}}} "
            "days from the day of entry. If you stay longer, the receiving party — your employer or landlord — must "
            "register you at your place of stay.</p><p>Keep the tear-off part of the arrival notification: it is "
            "asked for at checks. Without a patent you may stay no more than {{rule:stay_days}} days in any "
            "{{rule:stay_period_days}} days.</p>",
            f"{treaty_en}; Federal Law No. 109-FZ of 18 July 2006 on the migration registration of foreign citizens; "
            "Federal Law No. 115-FZ, article 5",
        ),
    }


ORIGIN_ARTICLES: dict[str, dict[tuple[str, str], dict[str, T]]] = {
    "TM": {
        ("RU", Topic.ENTRY): {
            "ru": (
                "Въезд в Россию",
                "<p>Граждане Туркменистана въезжают в Россию по визе: учебной — по приглашению вуза, рабочей — по "
                "приглашению работодателя, частной или гостевой. Срок пребывания в России определяет виза: "
                "выезжайте до её окончания или продлевайте её заранее через принимающую сторону.</p><p>На границе "
                "заполняется миграционная карта; сохраняйте её до выезда.</p>",
                "Федеральный закон от 15.08.1996 № 114-ФЗ «О порядке выезда из Российской Федерации и въезда в "
                "Российскую Федерацию»; Федеральный закон № 115-ФЗ, статья 5",
            ),
            "tk": (
                "Russiýa girmek",
                "<p>Türkmenistanyň raýatlary Russiýa wiza bilen girýärler: okuw wizasy — ýokary okuw mekdebiniň "
                "çakylygy boýunça, iş wizasy — iş berijiniň çakylygy boýunça, şeýle hem hususy ýa-da myhman wizasy. "
                "Russiýada bolmagyň möhletini wiza kesgitleýär: ol gutarmazdan ozal ýurtdan çykyň ýa-da kabul ediji "
                "tarap arkaly ony öňünden uzaldyň.</p><p>Serhetde migrasiýa kartasy doldurylýar; ony ýurtdan "
                "çykýançaňyz saklaň.</p>",
                "Russiýa Federasiýasynyň 15.08.1996 ý. № 114-FZ «Russiýa Federasiýasyndan çykmagyň we Russiýa "
                "Federasiýasyna girmegiň tertibi hakynda» Federal kanuny; № 115-FZ Federal kanuny, 5-nji madda",
            ),
            "en": (
                "Entering Russia",
                "<p>Citizens of Turkmenistan enter Russia on a visa: a study visa on the invitation of a university, "
                "a work visa on the invitation of an employer, or a private or guest visa. The visa sets how long you "
                "may stay: leave before it ends, or have it extended in good time through your host.</p><p>A "
                "migration card is filled in at the border; keep it until you leave.</p>",
                "Federal Law No. 114-FZ of 15 August 1996 on the procedure for leaving and entering the Russian "
                "Federation; Federal Law No. 115-FZ, article 5",
            ),
        },
        ("RU", Topic.REGISTRATION): {
            "ru": (
                "Миграционный учёт в России",
                "<p>Принимающая сторона — вуз, работодатель или владелец жилья — ставит иностранного гражданина на "
                "миграционный учёт по месту пребывания не позднее семи рабочих дней со дня прибытия.</p><p>Сохраняйте "
                "отрывную часть уведомления о прибытии: её спрашивают при проверке.</p>",
                "Федеральный закон от 18.07.2006 № 109-ФЗ «О миграционном учёте иностранных граждан и лиц без "
                "гражданства в Российской Федерации», статья 20",
            ),
            "tk": (
                "Russiýada migrasiýa hasaba alnyşy",
                "<p>Kabul ediji tarap — ýokary okuw mekdebi, iş beriji ýa-da jaýyň eýesi — daşary ýurt raýatyny "
                "gelen gününden başlap ýedi iş gününden gijä galman bolýan ýeri boýunça migrasiýa hasabyna "
                "goýýar.</p><p>Gelendigiňiz barada habarnamanyň kesilýän bölegini saklaň: barlagda ony "
                "soraýarlar.</p>",
                "Russiýa Federasiýasynyň 18.07.2006 ý. № 109-FZ «Migrasiýa hasaby hakynda» Federal kanuny, "
                "20-nji madda",
            ),
            "en": (
                "Migration registration in Russia",
                "<p>Your host — the university, the employer or the landlord — registers a foreign citizen at the "
                "place of stay within seven working days of arrival.</p><p>Keep the tear-off part of the arrival "
                "notification: it is asked for at checks.</p>",
                "Federal Law No. 109-FZ of 18 July 2006 on the migration registration of foreign citizens, article 20",
            ),
        },
        ("RU", Topic.WORK): {
            "ru": (
                "Работа в России",
                "<p>Иностранцы, въехавшие в Россию по визе, работают по разрешению на работу. Его выдаёт МВД по "
                "ходатайству работодателя, которому разрешено привлекать иностранных работников; патент выдаётся "
                "только тем, кто въехал без визы. Работа без разрешения ведёт к штрафу и выдворению.</p><p>Студенты "
                "очной формы обучения российских вузов и колледжей могут работать в свободное от учёбы время без "
                "разрешения на работу.</p>",
                "Федеральный закон № 115-ФЗ «О правовом положении иностранных граждан в Российской Федерации», "
                "статьи 13 и 13.3",
            ),
            "tk": (
                "Russiýada işlemek",
                "<p>Russiýa wiza bilen giren daşary ýurtlular işlemäge rugsatnama bilen işleýärler. Ony daşary ýurtly "
                "işçileri çekmäge rugsat berlen iş berijiniň haýyşnamasy boýunça IIM berýär; patent diňe wizasyz "
                "girenlere berilýär. Rugsatnamasyz işlemek jerimä we ýurtdan çykarylmaga getirýär.</p><p>Russiýanyň "
                "ýokary okuw mekdepleriniň we kollejleriniň gündizki bölüminiň talyplary okuwdan boş wagtlarynda "
                "işlemäge rugsatnamasyz işläp bilýärler.</p>",
                "Russiýa Federasiýasynyň № 115-FZ «Daşary ýurt raýatlarynyň hukuk ýagdaýy hakynda» Federal kanuny, "
                "13-nji we 13.3-nji maddalar",
            ),
            "en": (
                "Working in Russia",
                "<p>Foreigners who entered Russia on a visa work on a work permit. The Ministry of Internal Affairs "
                "issues it at the request of an employer allowed to employ foreign workers; a patent is issued only to "
                "those who entered without a visa. Working without a permit leads to a fine and expulsion.</p><p>"
                "Full-time students of Russian universities and colleges may work in their free time without a work "
                "permit.</p>",
                "Federal Law No. 115-FZ on the legal status of foreign citizens, articles 13 and 13.3",
            ),
        },
        ("RU", Topic.EMERGENCY): {
            "ru": (
                "Экстренные контакты в России",
                "<p>Единый номер экстренных служб — 112 (полиция, скорая помощь, пожарные), звонок бесплатный и с "
                "телефона без SIM-карты.</p><p>Посольство Туркменистана в Москве помогает при утрате паспорта, "
                "задержании, несчастном случае. Номера — на сайте министерства иностранных дел.</p>",
                _VIENNA_RU,
            ),
            "tk": (
                "Russiýada gyssagly aragatnaşyk",
                "<p>Gyssagly gullugyň bitewi belgisi — 112 (polisiýa, tiz kömek, ýangyn söndüriji), jaň mugt we "
                "SIM-kartsyz telefondan hem edilýär.</p><p>Türkmenistanyň Moskwadaky ilçihanasy pasport ýitende, "
                "tussag edilende, betbagtçylykly ýagdaýda kömek edýär. Belgiler Daşary işler ministrliginiň "
                "saýtynda.</p>",
                "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji we 36-njy maddalar",
            ),
            "en": (
                "Emergency contacts in Russia",
                "<p>The single emergency number is 112 (police, ambulance, fire brigade); calls are free, also from a "
                "phone without a SIM card.</p><p>The Embassy of Turkmenistan in Moscow helps when a passport is lost, "
                "after an arrest or an accident. Its numbers are on the website of the Ministry of Foreign "
                "Affairs.</p>",
                _VIENNA_EN,
            ),
        },
        ("TR", Topic.ENTRY): {
            "ru": (
                "Въезд в Турцию и вид на жительство",
                "<p>С 2022 года граждане Туркменистана въезжают в Турцию по визе. Чтобы остаться дольше срока визы, "
                "подайте заявление на вид на жительство (ikamet) через систему e-İkamet Управления по делам миграции "
                "до окончания срока.</p><p>Превышение срока пребывания ведёт к штрафу и запрету въезда.</p>",
                "Закон Турецкой Республики № 6458 «Об иностранцах и международной защите», статьи 11–31",
            ),
            "tk": (
                "Türkiýä girmek we ýaşamaga rugsatnama",
                "<p>2022-nji ýyldan bäri Türkmenistanyň raýatlary Türkiýä wiza bilen girýärler. Wizanyň möhletinden "
                "has uzak galmak üçin, möhlet gutarmazdan ozal Migrasiýa müdirliginiň e-İkamet ulgamy arkaly "
                "ýaşamaga rugsatnama (ikamet) üçin arza beriň.</p><p>Bolmak möhletinden geçmek jerimä we girmek "
                "gadaganlygyna getirýär.</p>",
                "Türkiýe Respublikasynyň № 6458 «Daşary ýurtlular we halkara goragy hakynda» Kanuny, 11–31-nji "
                "maddalar",
            ),
            "en": (
                "Entering Turkey and residence permits",
                "<p>Since 2022 citizens of Turkmenistan enter Turkey on a visa. To stay longer than the visa allows, "
                "apply for a residence permit (ikamet) through the e-İkamet system of the Presidency of Migration "
                "Management before it runs out.</p><p>Overstaying brings a fine and an entry ban.</p>",
                "Law No. 6458 on Foreigners and International Protection, articles 11 to 31",
            ),
        },
        ("TR", Topic.EMERGENCY): {
            "ru": (
                "Экстренные контакты в Турции",
                "<p>Единый номер экстренных служб — 112. Посольство Туркменистана в Анкаре и генеральное консульство "
                "в Стамбуле помогают гражданам в беде; номера — на сайте министерства иностранных дел.</p>",
                "Венская конвенция о консульских сношениях 1963 года, статья 5",
            ),
            "tk": (
                "Türkiýede gyssagly aragatnaşyk",
                "<p>Gyssagly gullugyň bitewi belgisi — 112. Türkmenistanyň Ankaradaky ilçihanasy we Stambuldaky baş "
                "konsullygy kynçylyga düşen raýatlara kömek edýär; belgiler Daşary işler ministrliginiň "
                "saýtynda.</p>",
                "Konsullyk gatnaşyklary hakynda Wena konwensiýasy (1963), 5-nji madda",
            ),
            "en": (
                "Emergency contacts in Turkey",
                "<p>The single emergency number is 112. The Embassy of Turkmenistan in Ankara and its consulate "
                "general in Istanbul help citizens in trouble; their numbers are on the website of the Ministry of "
                "Foreign Affairs.</p>",
                "Vienna Convention on Consular Relations (1963), article 5",
            ),
        },
    },
    "TJ": {
        ("RU", Topic.REGISTRATION): {
            **_registration(
                "Граждане Таджикистана",
                "Citizens of Tajikistan",
                "Соглашение между Российской Федерацией и Республикой Таджикистан о порядке пребывания граждан "
                "Республики Таджикистан на территории Российской Федерации от 8 февраля 2013 года",
                "Agreement between the Russian Federation and the Republic of Tajikistan of 8 February 2013 on the "
                "stay of citizens of Tajikistan in Russia",
            ),
            "tg": (
                "Бақайдгирии муҳоҷиратӣ дар Русия",
                "<p>Шаҳрвандони Тоҷикистон метавонанд дар Русия бе бақайдгирии муҳоҷиратӣ "
                "{{rule:registration_days}} рӯз аз рӯзи вуруд бимонанд. Агар зиёдтар монед, ҷониби қабулкунанда — "
                "корфармо ё соҳиби манзил — бояд шуморо дар ҷои будубош ба қайд гирад.</p><p>Қисми ҷудошавандаи "
                "огоҳиномаро дар бораи омадан нигоҳ доред: онро ҳангоми санҷиш талаб мекунанд. Бе патент дар Русия "
                "дар давоми {{rule:stay_period_days}} рӯз на зиёда аз {{rule:stay_days}} рӯз будан мумкин аст.</p>",
                "Созишномаи байни Федератсияи Россия ва Ҷумҳурии Тоҷикистон дар бораи тартиби будубоши "
                "шаҳрвандони Ҷумҳурии Тоҷикистон дар қаламрави Федератсияи Россия аз 8 феврали соли 2013; Қонуни "
                "федералии № 109-ФЗ аз 18.07.2006; Қонуни федералии № 115-ФЗ, моддаи 5",
            ),
        },
        ("RU", Topic.WORK): {
            **_patent("Граждане Таджикистана", "Citizens of Tajikistan"),
            "tg": (
                "Кор дар Русия: патент",
                "<p>Шаҳрвандони Тоҷикистон ба Русия бе раводид ворид мешаванд ва бо патент кор мекунанд. Ариза барои "
                "патент дар давоми 30 рӯз аз рӯзи вуруд ба ВКД супорида мешавад; дар корти муҳоҷиратӣ мақсади "
                "сафар — «кор». Муоинаи тиббӣ, гирифтани изи ангуштон, сертификати донистани забони русӣ, таърихи "
                "Русия ва асосҳои қонунгузорӣ ва полиси суғуртаи ихтиёрии тиббӣ лозиманд.</p><p>Патент то он даме "
                "амал мекунад, ки шумо ҳар моҳ сари вақт пардохти пешакии собитро аз андоз аз даромад месупоред: "
                "гузаронидани пардохт патентро қатъ мекунад. Ҳамаи чекҳоро нигоҳ доред.</p>",
                "Қонуни федералии № 115-ФЗ «Дар бораи вазъи ҳуқуқии шаҳрвандони хориҷӣ дар Федератсияи Россия», "
                "моддаи 13.3; Кодекси андози Федератсияи Россия, моддаи 227.1",
            ),
        },
        ("RU", Topic.EMERGENCY): {
            "ru": (
                "Экстренные контакты в России",
                "<p>Единый номер экстренных служб — 112 (полиция, скорая помощь, пожарные), звонок бесплатный и с "
                "телефона без SIM-карты.</p><p>Посольство Республики Таджикистан в Москве и генеральные консульства "
                "Таджикистана в других городах России помогают при утрате паспорта, задержании, несчастном случае. "
                "Номера — на сайте министерства иностранных дел.</p>",
                _VIENNA_RU,
            ),
            "tg": (
                "Тамос дар ҳолатҳои фавқулода дар Русия",
                "<p>Рақами ягонаи хадамоти фавқулода — 112 (полис, ёрии таъҷилӣ, сӯхторхомӯшкунӣ), занг ройгон аст ва "
                "аз телефони бе SIM-корт низ мумкин аст.</p><p>Сафорати Ҷумҳурии Тоҷикистон дар Маскав ва "
                "консулгариҳои генералии Тоҷикистон дар дигар шаҳрҳои Русия ҳангоми гум шудани шиноснома, боздошт ё "
                "ҳодисаи нохуш кӯмак мерасонанд. Рақамҳо дар сомонаи Вазорати корҳои хориҷӣ ҳастанд.</p>",
                "Конвенсияи Вена дар бораи муносибатҳои консулӣ (1963), моддаҳои 5 ва 36",
            ),
            "en": (
                "Emergency contacts in Russia",
                "<p>The single emergency number is 112 (police, ambulance, fire brigade); calls are free, also from a "
                "phone without a SIM card.</p><p>The Embassy of the Republic of Tajikistan in Moscow and Tajikistan's "
                "consulates general in other Russian cities help when a passport is lost, after an arrest or an "
                "accident. Their numbers are on the website of the Ministry of Foreign Affairs.</p>",
                _VIENNA_EN,
            ),
        },
    },
    "UZ": {
        ("RU", Topic.REGISTRATION): {
            **_registration(
                "Граждане Узбекистана",
                "Citizens of Uzbekistan",
                "Соглашение между Правительством Российской Федерации и Правительством Республики Узбекистан о "
                "порядке пребывания граждан Российской Федерации на территории Республики Узбекистан и граждан "
                "Республики Узбекистан на территории Российской Федерации (вступило в силу 4 июня 2022 года)",
                "Agreement between the Governments of Russia and Uzbekistan on the stay of each other's citizens "
                "(in force since 4 June 2022)",
            ),
            "uz": (
                "Rossiyada migratsiya hisobi",
                "<p>Oʻzbekiston fuqarolari Rossiyada kirgan kundan boshlab {{rule:registration_days}} kun davomida "
                "migratsiya hisobiga qoʻyilmasdan boʻlishi mumkin. Agar uzoqroq qolsangiz, qabul qiluvchi tomon — ish "
                "beruvchi yoki uy egasi — sizni turgan joyingiz boʻyicha hisobga qoʻyishi kerak.</p><p>Kelganlik "
                "toʻgʻrisidagi xabarnomaning ajratiladigan qismini saqlang: uni tekshiruvda soʻrashadi. Patentsiz "
                "Rossiyada {{rule:stay_period_days}} kun ichida {{rule:stay_days}} kundan ortiq boʻlish mumkin "
                "emas.</p>",
                "Rossiya Federatsiyasi Hukumati va Oʻzbekiston Respublikasi Hukumati oʻrtasidagi fuqarolarning boʻlish "
                "tartibi toʻgʻrisidagi Bitim (2022-yil 4-iyundan kuchga kirgan); 109-FZ-son Federal qonun; 115-FZ-son "
                "Federal qonun, 5-modda",
            ),
        },
        ("RU", Topic.WORK): {
            **_patent("Граждане Узбекистана", "Citizens of Uzbekistan"),
            "uz": (
                "Rossiyada ishlash: patent",
                "<p>Oʻzbekiston fuqarolari Rossiyaga vizasiz kiradi va patent asosida ishlaydi. Patent uchun ariza "
                "kirgan kundan boshlab 30 kun ichida IIVga topshiriladi; migratsiya kartasida safar maqsadi — «ish». "
                "Tibbiy koʻrik, barmoq izlarini olish, rus tili, Rossiya tarixi va qonunchilik asoslarini bilish "
                "toʻgʻrisidagi sertifikat hamda ixtiyoriy tibbiy sugʻurta polisi kerak.</p><p>Patent siz har oy oʻz "
                "vaqtida daromad soligʻi boʻyicha qatʼiy belgilangan avans toʻlovini toʻlab borguningizcha amal "
                "qiladi: toʻlovni oʻtkazib yuborish patentni bekor qiladi. Barcha cheklarni saqlang.</p>",
                "Rossiya Federatsiyasining 115-FZ-son «Rossiya Federatsiyasida chet el fuqarolarining huquqiy holati "
                "toʻgʻrisida»gi Federal qonuni, 13.3-modda; Rossiya Federatsiyasi Soliq kodeksi, 227.1-modda",
            ),
        },
        ("RU", Topic.EMERGENCY): {
            "ru": (
                "Экстренные контакты в России",
                "<p>Единый номер экстренных служб — 112 (полиция, скорая помощь, пожарные), звонок бесплатный и с "
                "телефона без SIM-карты.</p><p>Посольство Республики Узбекистан в Москве и генеральные консульства "
                "Узбекистана в других городах России помогают при утрате паспорта, задержании, несчастном случае. "
                "Номера — на сайте министерства иностранных дел.</p>",
                _VIENNA_RU,
            ),
            "uz": (
                "Rossiyada favqulodda aloqa",
                "<p>Favqulodda xizmatlarning yagona raqami — 112 (politsiya, tez yordam, oʻt oʻchiruvchilar), "
                "qoʻngʻiroq bepul va SIM-kartasiz telefondan ham qilish mumkin.</p><p>Oʻzbekiston Respublikasining "
                "Moskvadagi elchixonasi va Rossiyaning boshqa shaharlaridagi bosh konsulliklari pasport yoʻqolganda, "
                "ushlanganda, baxtsiz hodisada yordam beradi. Raqamlar Tashqi ishlar vazirligi saytida.</p>",
                "Konsullik munosabatlari toʻgʻrisidagi Vena konvensiyasi (1963), 5 va 36-moddalar",
            ),
            "en": (
                "Emergency contacts in Russia",
                "<p>The single emergency number is 112 (police, ambulance, fire brigade); calls are free, also from a "
                "phone without a SIM card.</p><p>The Embassy of the Republic of Uzbekistan in Moscow and Uzbekistan's "
                "consulates general in other Russian cities help when a passport is lost, after an arrest or an "
                "accident. Their numbers are on the website of the Ministry of Foreign Affairs.</p>",
                _VIENNA_EN,
            ),
        },
        ("KR", Topic.WORK): {
            "ru": (
                "Работа в Южной Корее по системе EPS",
                "<p>Граждане Узбекистана работают в Корее по системе разрешений на трудоустройство (EPS): экзамен по "
                "корейскому языку, договор с корейским работодателем, виза E-9. Сменить работодателя можно только в "
                "случаях, которые назначает закон, и через центр занятости.</p>",
                "Закон Республики Корея о трудоустройстве иностранных работников; меморандум о EPS между "
                "Узбекистаном и Кореей",
            ),
            "uz": (
                "Janubiy Koreyada EPS tizimi boʻyicha ishlash",
                "<p>Oʻzbekiston fuqarolari Koreyada ishga joylashish ruxsatnomalari tizimi (EPS) boʻyicha ishlaydi: "
                "koreys tili imtihoni, koreys ish beruvchisi bilan shartnoma, E-9 vizasi. Ish beruvchini faqat qonunda "
                "belgilangan hollarda va bandlik markazi orqali almashtirish mumkin.</p>",
                "Koreya Respublikasining Chet ellik ishchilarni ishga joylashtirish toʻgʻrisidagi qonuni; Oʻzbekiston "
                "va Koreya oʻrtasidagi EPS memorandumi",
            ),
            "en": (
                "Working in South Korea under the EPS",
                "<p>Citizens of Uzbekistan work in Korea under the Employment Permit System (EPS): a Korean language "
                "test, a contract with a Korean employer, an E-9 visa. The employer can be changed only in the cases "
                "the law sets, through a job centre.</p>",
                "Act on the Employment of Foreign Workers of the Republic of Korea; the EPS memorandum between "
                "Uzbekistan and Korea",
            ),
        },
    },
}

# The order the versions of an article are written in: Russian (the source) first.
VERSION_ORDER = ("ru", "ky", "tk", "tg", "uz", "en")


def demo_guidance(country: str) -> tuple[list[_Rule], dict[tuple[str, str], dict[str, T]]]:
    """The rules and articles the demo loads for citizens of ``country``: Kyrgyzstan's own set;
    for another country, its own texts and those of Kyrgyzstan's that hold for every citizenship
    (:data:`SHARED`), for the destinations its people go to; and for every country the host
    countries' terms its cases run on (:data:`CASE_RULES`), for those destinations."""
    from mekendesh.demo.profiles import profile_for

    destinations = profile_for(country).countries
    case_rules = [rule for rule in CASE_RULES if rule.destination in destinations]
    if country == "KG":
        return [*(_Rule(*rule) for rule in RULES), *case_rules], dict(ARTICLES)
    rules = [_Rule(*rule) for rule in RULES if (rule[0], rule[1]) in SHARED_RULES and rule[0] in destinations]
    rules += [*ORIGIN_RULES[country], *case_rules]
    articles = {
        key: {**texts, **TRANSLATIONS.get(key, {})}
        for key, texts in ARTICLES.items()
        if key in SHARED and key[0] in destinations
    }
    articles.update(ORIGIN_ARTICLES[country])
    return rules, articles


@transaction.atomic
def guidance_demo_rules_load(*, writer: Any) -> int:
    """Save the starter set's rules of stay for the country of origin's citizens, as ``writer``
    (if none is there yet). The demo loads them before its assistance cases, so that the cases'
    deadlines are counted with them from the start. Returns how many rules were saved."""
    origin = Country.objects.get(code=settings.ORIGIN_COUNTRY)
    if Rule.objects.filter(citizenship=origin).exists():
        return 0
    rules, _articles = demo_guidance(origin.code)
    for rule in rules:
        rule_save(
            actor=writer,
            citizenship=origin,
            destination=Country.objects.get(code=rule.destination),
            kind=rule.kind,
            value=rule.value,
            effective_from=rule.start,
            effective_to=None,
            legal_basis=rule.basis,
            note=rule.note,
        )
    return len(rules)


@transaction.atomic
def guidance_demo_load(*, writer: Any, reviewer: Any, today: dt.date | None = None) -> int:
    """Load the starter set (if it is not there yet): the rules (:func:`guidance_demo_rules_load`),
    then each article written by ``writer``, sent to review and published by ``reviewer``. Returns
    the number of texts published."""
    if Article.objects.exists():
        return 0
    guidance_demo_rules_load(writer=writer)
    _rules, articles = demo_guidance(settings.ORIGIN_COUNTRY)
    languages = [language for language in VERSION_ORDER if language in installation_languages()]
    published = 0
    for (destination, topic), texts in articles.items():
        article = article_create(
            actor=writer,
            destination=Country.objects.get(code=destination),
            topic=topic,
            source_language="ru",
            example=True,
        )
        for language in languages:
            if language not in texts:
                continue
            title, body, basis = texts[language]
            version = version_save(
                actor=writer,
                article=article,
                language=language,
                title=title,
                body=body,
                legal_basis=basis,
                expected_version=None,
            )
            version = version_submit(actor=writer, version=version)
            version_publish(actor=reviewer, version=version)
            published += 1
    return published
