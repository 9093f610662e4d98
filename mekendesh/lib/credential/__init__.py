"""Verifiable registration credentials: signing, verification, the key set, the status list and
the QR code, with no Django import — so that a credential can be checked offline from the
published key set alone (``mekendesh credential verify TEXT --keys keys.json``). Course
certificates, signed with the same keys, are in :mod:`.certificate`.

>>> key = SigningKey.generate()
>>> keyset = KeySet(issuer="KG", keys=(PublishedKey(key.public_key, KeyState.ACTIVE),))
>>> text = sign(claims, key)                      # "MK1:…", for a QR code
>>> verify(text, keyset, now=now).outcome         # Outcome.VALID
"""

from .keys import ALGORITHM, ALGORITHM_NAME, KeyProblem, KeySet, KeyState, PublishedKey, SigningKey, key_id
from .keystore import KeyMissing, KeyStore
from .qr import qr_matrix, qr_svg
from .status import STATUS_LIST_TYPE, StatusList, StatusListProblem, status_list_read, status_list_sign
from .token import (
    OUTCOME_MESSAGES,
    PREFIX,
    Claims,
    MalformedCredential,
    Outcome,
    Verdict,
    decode_text,
    read_claims,
    sign,
    verify,
)

__all__ = [
    "ALGORITHM",
    "ALGORITHM_NAME",
    "OUTCOME_MESSAGES",
    "PREFIX",
    "STATUS_LIST_TYPE",
    "Claims",
    "KeyMissing",
    "KeyProblem",
    "KeySet",
    "KeyState",
    "KeyStore",
    "MalformedCredential",
    "Outcome",
    "PublishedKey",
    "SigningKey",
    "StatusList",
    "StatusListProblem",
    "Verdict",
    "decode_text",
    "key_id",
    "qr_matrix",
    "qr_svg",
    "read_claims",
    "sign",
    "status_list_read",
    "status_list_sign",
    "verify",
]
