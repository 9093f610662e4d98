"""Host-country lists as an import target (``host_list``): the columns such lists come with
(ФИО, дата рождения, гражданство, документ, дата включения …), the check of each row, and the
promotion of a checked file into a :class:`~mekendesh.screening.models.ListVersion`.

A list is the host country's record, not ours: a row is refused only when nothing in it can name
a person (no name), or when it names a citizen of another country. A date of birth the list gives
impossibly (31.02.1990) keeps its year; a list without dates is taken, its matches then rest on
names alone and go to review.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from mekendesh.imports.registrations import COUNTRY_ALIASES, encrypted, place_key
from mekendesh.imports.services import ImportRefused
from mekendesh.imports.targets import Checked, ImportField, ImportTarget, RowError, SourceRow, target_register
from mekendesh.lib.hashing import lookup_hash, normalise_document_number
from mekendesh.names import name_key, parse_name

TARGET = "host_list"

FIELDS = (
    ImportField(
        "list_id",
        _("Number on the list"),
        ("№", "№ п/п", "п/п", "номер", "номер записи", "id", "идентификатор", "рег номер", "list id"),
    ),
    ImportField(
        "full_name",
        _("Full name"),
        (
            "ФИО",
            "Ф.И.О.",
            "фамилия имя отчество",
            "фамилия, имя, отчество",
            "full name",
            "name",
            "аты-жөнү",
            "аты жону",
            "ady familiýasy",
        ),
        one_of="name",
    ),
    ImportField(
        "surname", _("Surname"), ("фамилия", "surname", "last name", "family name", "фамилиясы"), one_of="name"
    ),
    ImportField("given_names", _("Given names"), ("имя", "given name", "given names", "first name", "аты")),
    ImportField("patronymic", _("Patronymic"), ("отчество", "patronymic", "middle name", "атасынын аты")),
    ImportField(
        "birth_date",
        _("Date of birth"),
        ("дата рождения", "д.р.", "д р", "date of birth", "birth date", "dob", "туулган күнү", "doglan senesi"),
    ),
    ImportField("sex", _("Sex"), ("пол", "sex", "gender", "жынысы")),
    ImportField(
        "citizenship", _("Citizenship"), ("гражданство", "citizenship", "nationality", "жарандыгы", "raýatlygy")
    ),
    ImportField(
        "document",
        _("Document"),
        (
            "документ",
            "паспорт",
            "номер паспорта",
            "серия и номер паспорта",
            "документ удостоверяющий личность",
            "document",
            "passport",
            "passport number",
        ),
    ),
    ImportField(
        "listed_on",
        _("On the list since"),
        ("дата включения", "дата внесения", "дата решения", "включен", "date listed", "listed on", "included on"),
    ),
    ImportField("reason", _("Ground"), ("основание", "причина", "основание включения", "reason", "ground", "basis")),
)

_DATE = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[./](\d{4})\s*$")
_SEX = {
    "m": "M",
    "м": "M",
    "муж": "M",
    "мужской": "M",
    "male": "M",
    "f": "F",
    "ж": "F",
    "жен": "F",
    "женский": "F",
    "female": "F",
}
MIN_YEAR = 1900


@dataclass
class HostListContext:
    """What checking a list's rows needs (it pickles: rows are checked in worker processes)."""

    origin_names: set[str]  # place keys naming the country of origin
    today: dt.date
    column_names: dict[str, str] = field(default_factory=dict)  # field → the file's header


def host_list_context(batch: Any, actor: Any) -> HostListContext:
    from django.conf import settings

    from mekendesh.reference.models import Country
    from mekendesh.screening.models import ListSource

    if not ListSource.objects.filter(import_source=batch.source).exists():
        raise ImportRefused(
            gettext_noop(
                "“%(source)s” is not a list the ministry has described yet. Describe it on the screening pages "
                "(its country, authority and kind), then send the file under its name."
            ),
            {"source": batch.source.name},
        )
    origin = Country.objects.get(code=settings.ORIGIN_COUNTRY)
    names = {
        place_key(name)
        for name in (
            origin.code,
            origin.alpha3,
            origin.name_en,
            origin.name_ru,
            origin.name_ky,
            origin.name_tk,
            origin.name_tg,
            origin.name_uz,
        )
        if name
    }
    names |= {place_key(alias) for alias in COUNTRY_ALIASES.get(origin.code, ())}
    headers = {field: batch.headers[int(position)] for position, field in batch.mapping.items() if field}
    return HostListContext(origin_names=names, today=timezone.localdate(), column_names=headers)


def read_birth_date(text: str, *, today: dt.date) -> tuple[str, bool]:
    """A date of birth as a list writes it → (``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` / "",
    whether only a part of it could be read). ``ValueError`` when not even a year can."""
    text = text.strip()
    if not text:
        return "", False
    year = month = day = None
    if match := _DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.match(text):
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
    elif match := _MONTH_YEAR.match(text):
        month, year = int(match.group(1)), int(match.group(2))
    else:
        raise ValueError(text)
    if not MIN_YEAR <= year <= today.year:
        raise ValueError(text)
    if month is None:
        return f"{year:04d}", False
    if not 1 <= month <= 12:
        return f"{year:04d}", True
    if day is None:
        return f"{year:04d}-{month:02d}", False
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return f"{year:04d}", True  # 31.02.1990: the year is all that can be trusted
    if date > today:
        raise ValueError(text)
    return date.isoformat(), False


def _read_date(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if match := _DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif (match := _ISO.match(text)) and match.group(3):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        raise ValueError(text)
    return dt.date(year, month, day).isoformat()


def _clean(text: str) -> str:
    return " ".join(str(text or "").split())


def content_hash(values: dict[str, Any]) -> str:
    """The hash of what a row says (its meaningful values, spacing and case folded): the same
    person written the same way in two versions has the same hash."""
    folded = {name: _clean(str(value)).casefold() for name, value in sorted(values.items()) if value}
    return hashlib.sha256(json.dumps(folded, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def stable_key(list_id: str, *, name: str, birth_date: str, document: str) -> str:
    """The list's own id when it has one; else a key from who the row names (name, date of birth,
    document), so that a row whose other columns change keeps its key."""
    if list_id:
        return f"id:{_clean(list_id)[:70]}"
    digest = hashlib.sha256(f"{name_key(name)}|{birth_date}|{document}".encode()).hexdigest()
    return f"c:{digest[:40]}"


def check_host_list(rows: Sequence[SourceRow], context: HostListContext) -> list[Checked]:
    from mekendesh.screening.models import ListEntry

    document_field = ListEntry._meta.get_field("document_number")
    checked = []
    for source_row in rows:
        values = {name: _clean(value) for name, value in source_row.values.items()}
        errors: list[RowError] = []
        full_name = values.get("full_name", "")
        parts = (values.get("surname", ""), values.get("given_names", ""), values.get("patronymic", ""))
        if not full_name:
            full_name = " ".join(part for part in parts if part)
        surname, given, patronymic = parts
        if full_name and not surname:
            parsed = parse_name(full_name)
            surname, given, patronymic = parsed.surname or "", " ".join(parsed.given), parsed.patronymic or ""
        if not re.search(r"[^\W\d_]", full_name):
            column = "full_name" if "full_name" in source_row.values else "surname"
            errors.append(RowError(column, full_name, gettext_noop("The row names no one: the name is empty.")))
        birth_date, partial = "", False
        try:
            birth_date, partial = read_birth_date(values.get("birth_date", ""), today=context.today)
        except ValueError:
            errors.append(
                RowError(
                    "birth_date",
                    values.get("birth_date", ""),
                    gettext_noop("“%(value)s” is not a date of birth (e.g. 31.12.1990, 1990-12-31 or 1990)."),
                    {"value": values.get("birth_date", "")},
                )
            )
        citizenship = values.get("citizenship", "")
        if citizenship and place_key(citizenship) not in context.origin_names:
            errors.append(
                RowError(
                    "citizenship",
                    citizenship,
                    gettext_noop(
                        "A citizen of another country (%(value)s): not kept, the ministry screens only its own citizens."
                    ),
                    {"value": citizenship},
                )
            )
        listed_on = None
        try:
            listed_on = _read_date(values.get("listed_on", ""))
        except ValueError:
            errors.append(
                RowError(
                    "listed_on",
                    values.get("listed_on", ""),
                    gettext_noop("“%(value)s” is not a date."),
                    {"value": values.get("listed_on", "")},
                )
            )
        sex = _SEX.get(values.get("sex", "").casefold().rstrip("."), "")
        document = normalise_document_number(values.get("document", "")) if values.get("document") else ""
        if errors:
            checked.append(Checked(row=source_row.row, raw=source_row.raw, errors=errors))
            continue
        meaningful = {
            "name": full_name,
            "birth_date": birth_date,
            "sex": sex,
            "document": document,
            "listed_on": listed_on or "",
            "reason": values.get("reason", ""),
        }
        key = stable_key(values.get("list_id", ""), name=full_name, birth_date=birth_date, document=document)
        raw = {context.column_names.get(name, name): value for name, value in source_row.values.items() if value}
        payload = {
            "key": key,
            "hash": content_hash(meaningful),
            "full_name": full_name[:300],
            "surname": surname[:100],
            "given_names": given[:100],
            "patronymic": patronymic[:100],
            "birth_date": birth_date,
            "birth_date_partial": partial,
            "sex": sex,
            "citizenship": citizenship[:100],
            "document": encrypted(document_field, document) if document else "",
            "document_hash": lookup_hash(document) if document else "",
            "listed_on": listed_on,
            "reason": values.get("reason", ""),
            "raw": raw,
        }
        # Two rows with one key are one entry named twice: the pipeline reports the second.
        checked.append(Checked(row=source_row.row, raw=source_row.raw, payload=payload, key_hash=key))
    return checked


def promote_host_list(batch: Any, actor: Any, rows: Iterator[Any]) -> int:
    from mekendesh.screening.services import list_version_create

    version = list_version_create(batch=batch, actor=actor, rows=(payload for _row, payload in rows))
    return version.rows


HOST_LISTS = target_register(
    ImportTarget(
        name=TARGET,
        label=_("Host-country list"),
        permission="import.host_list",
        fields=FIELDS,
        context=host_list_context,
        check=check_host_list,
        promote=promote_host_list,
    )
)
