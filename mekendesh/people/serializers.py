"""Read-only representations of the register for the REST API. Who may see a field is decided
by the view (``show_numbers`` and ``show_contacts`` in the serializer context) and which stays a
person carries by the selectors (only those the caller may see), not here."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mekendesh.people import selectors
from mekendesh.people.models import Consent, IdentityDocument, NameForm, Person, Stay
from mekendesh.reference.models import ConsularDistrict, District, HostRegion, Region


class NameFormSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = NameForm
        fields = ["script", "source", "surname", "given_names", "patronymic", "full_name", "is_primary"]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    number = serializers.SerializerMethodField(
        help_text="The full number for an officer of the person's consular district; masked for everyone else."
    )
    issuing_country = serializers.CharField(source="issuing_country_id", read_only=True)

    class Meta:
        model = IdentityDocument
        fields = ["kind", "issuing_country", "number", "expiry_date"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_number(self, document: IdentityDocument) -> str:
        return document.number if self.context.get("show_numbers") else document.masked_number


class StaySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)
    host_region: serializers.SlugRelatedField[HostRegion] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    consular_district: serializers.SlugRelatedField[ConsularDistrict] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    residence_region: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        help_text="The region of the country of origin the person last lived in before leaving; null: not stated.",
    )
    residence_district: serializers.SlugRelatedField[District] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Its district; null: not stated."
    )

    class Meta:
        model = Stay
        fields = [
            "id",
            "country",
            "host_region",
            "city",
            "address",
            "employer",
            "purpose",
            "permit_type",
            "permit_expiry",
            "arrival_date",
            "departure_date",
            "residence_region",
            "residence_district",
            "status",
            "consular_district",
            "verified_at",
            "version",
        ]
        read_only_fields = fields


class ConsentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consent
        fields = ["purpose", "wording_version", "given_at", "withdrawn_at"]
        read_only_fields = fields


class PersonSummarySerializer(serializers.ModelSerializer):
    """A search result: name forms, date of birth, the current stay and its district."""

    names = NameFormSerializer(many=True, read_only=True)
    current_stay = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["public_id", "names", "sex", "birth_date", "current_stay"]
        read_only_fields = fields

    @extend_schema_field(StaySerializer(allow_null=True))
    def get_current_stay(self, person: Person) -> dict[str, Any] | None:
        stay = selectors.current_stay(person)
        return StaySerializer(stay, context=self.context).data if stay is not None else None


class PersonDetailSerializer(PersonSummarySerializer):
    origin_region: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    origin_district: serializers.SlugRelatedField[District] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    email = serializers.SerializerMethodField(
        help_text="Only while the person agrees to consular contact; null otherwise."
    )
    phone = serializers.SerializerMethodField(
        help_text="Only while the person agrees to consular contact; null otherwise."
    )
    documents = DocumentSerializer(many=True, read_only=True)
    stays = StaySerializer(
        many=True,
        read_only=True,
        help_text="The stays the caller may see: for an officer, those in their consular districts.",
    )
    consents = ConsentSerializer(many=True, read_only=True)

    class Meta(PersonSummarySerializer.Meta):
        fields = [
            *PersonSummarySerializer.Meta.fields,
            "origin_region",
            "origin_district",
            "email",
            "phone",
            "documents",
            "stays",
            "consents",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_email(self, person: Person) -> str | None:
        return person.email if self.context.get("show_contacts") else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_phone(self, person: Person) -> str | None:
        return person.phone if self.context.get("show_contacts") else None
