"""Where the signing key and the key set live: two files outside the database (no Django import).

``key_file`` holds the private key that signs (PEM, PKCS #8, readable by its owner only);
``keyset_file`` holds the public keys with their states (:class:`.keys.KeySet`, JSON) — nothing
secret, and what is published. The key in ``key_file`` is the active one: the published set is
the stored one with that key marked active (unless it was withdrawn) and any other key that the
file still calls active shown as verify-only, so that swapping the key file and restarting is a
rotation on its own, and a key set written before the switch (:meth:`KeyStore.rotate` with a
new key file) already publishes the next key to verifiers.

Changes take a lock file beside the key set, so that two processes creating the first key at
once end with one key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .keys import KeyProblem, KeySet, KeyState, PublishedKey, SigningKey

_ORDER = {KeyState.ACTIVE: 0, KeyState.VERIFY_ONLY: 1, KeyState.RETIRED: 2}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class KeyMissing(KeyProblem):
    """No signing key file where the settings say."""


def _write_atomically(path: Path, content: bytes, *, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _sorted(keys: list[PublishedKey]) -> tuple[PublishedKey, ...]:
    return tuple(sorted(keys, key=lambda key: (_ORDER[key.state], -(key.since or _EPOCH).timestamp(), key.kid)))


@dataclass(frozen=True)
class KeyStore:
    key_file: Path
    keyset_file: Path
    issuer: str

    # -- reading ---------------------------------------------------------------------------------

    def signing_key(self) -> SigningKey:
        """The key in ``key_file``; :class:`KeyMissing` when there is none."""
        try:
            pem = self.key_file.read_bytes()
        except FileNotFoundError as exc:
            raise KeyMissing(f"no signing key at {self.key_file}") from exc
        except OSError as exc:
            raise KeyProblem(f"the signing key at {self.key_file} cannot be read: {exc.strerror}") from exc
        try:
            return SigningKey.from_pem(pem)
        except KeyProblem as exc:
            raise KeyProblem(f"{self.key_file}: {exc}") from exc

    def stored(self) -> KeySet:
        """The key set as written in ``keyset_file`` (empty when there is none)."""
        try:
            text = self.keyset_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return KeySet(issuer=self.issuer)
        try:
            stored = KeySet.from_json(text, issuer=self.issuer)
        except KeyProblem as exc:
            raise KeyProblem(f"{self.keyset_file}: {exc}") from exc
        return replace(stored, issuer=self.issuer)

    def published(self) -> KeySet:
        """The key set to publish: the stored one, with the key of ``key_file`` active."""
        stored = self.stored()
        try:
            signer = self.signing_key()
        except KeyMissing:
            return replace(stored, keys=_sorted(list(stored.keys)))
        keys: list[PublishedKey] = []
        for key in stored.keys:
            if key.kid == signer.kid:
                keys.append(key if key.state == KeyState.RETIRED else replace(key, state=KeyState.ACTIVE))
            elif key.state == KeyState.ACTIVE:
                keys.append(replace(key, state=KeyState.VERIFY_ONLY))
            else:
                keys.append(key)
        if stored.get(signer.kid) is None:
            keys.append(PublishedKey(public_key=signer.public_key, state=KeyState.ACTIVE))
        return replace(stored, keys=_sorted(keys))

    def issuing_key(self) -> SigningKey:
        """The key that signs now; refused when it was withdrawn (rotate to a new key first)."""
        signer = self.signing_key()
        published = self.published().get(signer.kid)
        if published is not None and published.state == KeyState.RETIRED:
            raise KeyProblem(f"the signing key {signer.kid} is withdrawn: rotate to a new key")
        return signer

    # -- changing --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.keyset_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock_path = self.keyset_file.with_name(self.keyset_file.name + ".lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _save(self, keyset: KeySet) -> None:
        _write_atomically(self.keyset_file, keyset.to_json().encode("utf-8"), mode=0o644)

    def _new_key_file(self, path: Path) -> SigningKey:
        """A new key written to ``path``, which must not exist (never overwrites a key)."""
        key = SigningKey.generate()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as exc:
            raise KeyProblem(f"{path} already exists: a key is never overwritten") from exc
        with os.fdopen(descriptor, "wb") as out:
            out.write(key.to_pem())
            out.flush()
            os.fsync(out.fileno())
        return key

    def create(self, *, now: dt.datetime) -> SigningKey:
        """The signing key, made (mode 0600) and recorded as active when there is none yet."""
        with self._locked():
            try:
                key = self.signing_key()
            except KeyMissing:
                key = self._new_key_file(self.key_file)
            stored = self.stored()
            if stored.get(key.kid) is None:
                self._save(stored.with_key(PublishedKey(public_key=key.public_key, state=KeyState.ACTIVE, since=now)))
            return key

    def rotate(self, *, now: dt.datetime, new_key_file: Path | None = None) -> tuple[str, SigningKey]:
        """A new signing key; the one it replaces keeps verifying what it signed (verify-only).

        Without ``new_key_file`` the new key takes the place of ``key_file`` at once. With it, the
        new key is written there and published; it signs once ``key_file`` names it (a restart
        with the new path): until then the old key goes on signing. Returns the old key's id and
        the new key.
        """
        with self._locked():
            old = self.signing_key()
            stored = self.stored()
            current = stored.get(old.kid) or PublishedKey(public_key=old.public_key, state=KeyState.ACTIVE)
            target = new_key_file or self.key_file
            if new_key_file is not None:
                new = self._new_key_file(new_key_file)
            else:
                new = SigningKey.generate()
            keyset = stored
            if current.state != KeyState.RETIRED:
                keyset = keyset.with_key(current.with_state(KeyState.VERIFY_ONLY, now))
            keyset = keyset.with_key(PublishedKey(public_key=new.public_key, state=KeyState.ACTIVE, since=now))
            self._save(keyset)
            if target == self.key_file:
                _write_atomically(self.key_file, new.to_pem(), mode=0o600)
            return old.kid, new

    def retire(self, kid: str, *, now: dt.datetime) -> PublishedKey:
        """Withdraw a key: what it signed is refused from now on. The key that signs now cannot be
        retired (rotate first), so that issuing never stops by mistake."""
        with self._locked():
            keyset = self.published()
            key = keyset.get(kid)
            if key is None:
                raise KeyProblem(f"no key {kid!r} in the key set")
            if key.state == KeyState.ACTIVE:
                raise KeyProblem(f"{kid} signs new credentials: rotate to a new key before withdrawing it")
            retired = key.with_state(KeyState.RETIRED, now)
            self._save(self.stored().with_key(retired))
            return retired
