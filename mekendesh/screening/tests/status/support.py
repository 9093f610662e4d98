"""What the status check's tests type and read: the details of each person, and the code form's
token and the code in a message."""

from __future__ import annotations

import re

AIGERIM = {"surname": "Токтосунова", "birth_date": "12.04.1998", "document_number": "AC1234567"}
NURLAN = {"surname": "Мамытов", "birth_date": "03.11.1990", "document_number": "AN7654321"}
NOBODY = {"surname": "Асанов", "birth_date": "14.07.1995", "document_number": "AC7777777"}
AIGERIM_ON_THE_LIST = ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "AC1234567", "05.02.2025"]
AIGERIM_PHONE = "+996555123456"


def check_token(response) -> str:
    found = re.search(r'name="check" value="([^"]+)"', response.content.decode())
    assert found, "the answer has no code form"
    return found.group(1)


def code_in(text: str) -> str:
    found = re.search(r"\b(\d{6})\b", text)
    assert found, text
    return found.group(1)
