"""Second-factor secrets stored before they were encrypted are encrypted (see ``accounts.mfa_secrets``)."""

from django.db import migrations

from mekendesh.accounts.mfa_secrets import is_encrypted, secret_decrypt, secret_encrypt


def _each_secret(data, change):
    if isinstance(data.get("secret"), str):
        data["secret"] = change(data["secret"])
    if isinstance(data.get("seed"), str):
        data["seed"] = change(data["seed"])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
    return data


def encrypt_secrets(apps, schema_editor):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]).iterator():
        authenticator.data = _each_secret(authenticator.data, lambda v: v if is_encrypted(v) else secret_encrypt(v))
        authenticator.save(update_fields=["data"])


def decrypt_secrets(apps, schema_editor):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]).iterator():
        authenticator.data = _each_secret(authenticator.data, lambda v: secret_decrypt(v) if is_encrypted(v) else v)
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("mfa", "0003_authenticator_type_uniq")]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets, elidable=False)]
