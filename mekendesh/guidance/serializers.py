"""What the public guidance API takes and answers: published article versions and the rules of
stay in force. Only the published copy of a text is read (``published_*``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mekendesh.guidance.models import LANGUAGE_CODES, Rule, RuleKind, Topic
from mekendesh.guidance.rules import render_rules
from mekendesh.guidance.sanitise import body_clean
from mekendesh.guidance.selectors import article_url
from mekendesh.guidance.selectors_public import PublishedText

COUNTRY_CODE = r"^[A-Za-z]{2}$"


class ArticleFilterSerializer(serializers.Serializer):
    """The query of ``GET /api/guidance/articles/``."""

    destination = serializers.RegexField(
        r"^(?:[A-Za-z]{2}|all)$",
        required=False,
        help_text="A destination's ISO 3166 code (RU), or `all` for the articles on every destination.",
    )
    topic = serializers.ChoiceField(choices=Topic.values, required=False)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)


class RuleFilterSerializer(serializers.Serializer):
    """The query of ``GET /api/guidance/rules/``."""

    citizenship = serializers.RegexField(COUNTRY_CODE, required=False, help_text="ISO 3166 code (KG).")
    destination = serializers.RegexField(COUNTRY_CODE, required=False, help_text="ISO 3166 code (RU).")
    kind = serializers.ChoiceField(choices=RuleKind.values, required=False)
    on = serializers.DateField(
        required=False, help_text="The rules in force on this day (YYYY-MM-DD); today by default."
    )


class RuleSerializer(serializers.Serializer):
    citizenship = serializers.CharField(source="citizenship_id", help_text="ISO 3166 code of the citizens it is for.")
    destination = serializers.CharField(source="destination_id", help_text="ISO 3166 code of the host country.")
    kind = serializers.ChoiceField(choices=RuleKind.values, help_text="Also the name of its placeholder in texts.")
    kind_label = serializers.SerializerMethodField(help_text="What the rule says, in the request's language.")
    value = serializers.IntegerField(help_text="A number of calendar days.")
    effective_from = serializers.DateField()
    effective_to = serializers.DateField(allow_null=True, help_text="Empty: in force until changed.")
    legal_basis = serializers.CharField()

    def get_kind_label(self, rule: Rule) -> str:
        return str(RuleKind(rule.kind).label)


def _country(text: PublishedText) -> str:
    return text.version.article.country_slug


class ArticleSummarySerializer(serializers.Serializer):
    destination = serializers.CharField(
        source="version.article.destination_id",
        allow_null=True,
        help_text="ISO 3166 code of the destination; empty for an article on every destination.",
    )
    topic = serializers.ChoiceField(source="version.article.topic", choices=Topic.values)
    topic_label = serializers.SerializerMethodField(help_text="The topic's name, in the request's language.")
    language = serializers.ChoiceField(
        source="version.language", choices=LANGUAGE_CODES, help_text="The language the text is written in."
    )
    title = serializers.CharField(source="version.published_title")
    legal_basis = serializers.CharField(
        source="version.published_legal_basis", help_text="The laws or treaties the article rests on."
    )
    revision = serializers.IntegerField(
        source="version.published_revision", allow_null=True, help_text="The number of the published revision."
    )
    published_at = serializers.DateTimeField(source="version.published_at")
    last_reviewed_at = serializers.DateTimeField(source="version.last_reviewed_at", allow_null=True)
    out_of_date = serializers.BooleanField(
        help_text="A translation made from an older version of the source-language text than the one published."
    )
    example = serializers.BooleanField(
        source="version.article.example", help_text="Example content, to be reviewed by the ministry."
    )
    url = serializers.SerializerMethodField(help_text="The text in this API.")
    page = serializers.SerializerMethodField(help_text="The article's public page in this language.")

    def get_topic_label(self, text: PublishedText) -> str:
        return str(Topic(text.version.article.topic).label)

    def get_url(self, text: PublishedText) -> str:
        return reverse(
            "guidance_api:article",
            kwargs={"country": _country(text), "topic": text.version.article.topic, "language": text.version.language},
        )

    def get_page(self, text: PublishedText) -> str:
        return article_url(text.version.article, language=text.version.language)


class ArticleSerializer(ArticleSummarySerializer):
    body = serializers.SerializerMethodField(
        help_text=(
            "The published text as HTML (a safe subset of formatting), each rule it cites shown as the value in force"
            " today."
        )
    )
    rules = serializers.SerializerMethodField(help_text="The rules of stay the text cites, as in force today.")

    def _rendered(self, text: PublishedText) -> tuple[str, list[Rule]]:
        """The body with its rules, rendered once for both fields."""
        rendered: dict[int, tuple[str, list[Rule]]] = self.__dict__.setdefault("_rendered_texts", {})
        if text.version.pk not in rendered:
            body, rules = render_rules(
                body_clean(text.version.published_body),
                destination=text.version.article.destination_id,
                on=timezone.localdate(),
            )
            rendered[text.version.pk] = (str(body), rules)
        return rendered[text.version.pk]

    def get_body(self, text: PublishedText) -> str:
        return self._rendered(text)[0]

    @extend_schema_field(RuleSerializer(many=True))
    def get_rules(self, text: PublishedText) -> list[dict[str, Any]]:
        return list(RuleSerializer(self._rendered(text)[1], many=True).data)
