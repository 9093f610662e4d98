"""The demo's starter set of guidance: Russia, Kazakhstan, Turkey and South Korea, four topics
each, in Kyrgyz, Russian, Turkmen and English, each citing its legal basis and marked as example
content to be reviewed by the ministry; and the rules of stay the texts cite.

Each text is written by one demo user and published by another (the workflow's four eyes), so
the demo shows the same history a real article has."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction

from mekendesh.guidance.models import Article, RuleKind, Topic
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


@transaction.atomic
def guidance_demo_load(*, writer: Any, reviewer: Any, today: dt.date | None = None) -> int:
    """Load the starter set (if it is not there yet): the rules, then each article written by
    ``writer``, sent to review and published by ``reviewer``. Returns the number of texts published."""
    if Article.objects.exists():
        return 0
    origin = Country.objects.get(code=settings.ORIGIN_COUNTRY)
    for destination, kind, value, start, basis in RULES:
        rule_save(
            actor=writer,
            citizenship=origin,
            destination=Country.objects.get(code=destination),
            kind=kind,
            value=value,
            effective_from=start,
            effective_to=None,
            legal_basis=basis,
        )
    published = 0
    for (destination, topic), texts in ARTICLES.items():
        article = article_create(
            actor=writer,
            destination=Country.objects.get(code=destination),
            topic=topic,
            source_language="ru",
            example=True,
        )
        for language in ("ru", "ky", "tk", "en"):
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
