"""The editorial work: sanitised bodies, four eyes, two editors at once, the board's stale
articles and out-of-date translations, a rule change reaching the article, who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mekendesh.guidance.models import Article, ArticleVersion, Rule, RuleKind, Status, Topic
from mekendesh.guidance.rules import rule_value
from mekendesh.guidance.selectors import board
from mekendesh.guidance.services import (
    article_create,
    rule_save,
    version_confirm,
    version_publish,
    version_save,
    version_submit,
)
from mekendesh.workflows.errors import StaleObjectError

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

BASIS = "Federal Law No. 109-FZ"


@pytest.fixture
def article(places, editor):
    return article_create(actor=editor, destination=places["RU"], topic=Topic.REGISTRATION, example=True)


def write(actor, article, language="ru", body="<p>Register within {{rule:registration_days}} days.</p>", **extra):
    current = ArticleVersion.objects.filter(article=article, language=language).first()
    return version_save(
        actor=actor,
        article=article,
        language=language,
        title="Registration",
        body=body,
        legal_basis=BASIS,
        expected_version=current.version if current else None,
        **extra,
    )


def publish(writer, reviewer, version):
    version = version_submit(actor=writer, version=version)
    return version_publish(actor=reviewer, version=version)


def test_a_script_or_an_iframe_is_removed_from_the_body(article, editor):
    version = write(
        editor,
        article,
        body='<p onclick="steal()">Text <script>alert(1)</script><iframe src="https://evil.example"></iframe>'
        '<a href="javascript:alert(1)">link</a> <strong>bold</strong></p>',
    )
    assert "script" not in version.body
    assert "iframe" not in version.body
    assert "onclick" not in version.body
    assert "javascript:" not in version.body
    assert "<strong>bold</strong>" in version.body


def test_the_writer_cannot_publish_their_own_text(article, editor, coordinator):
    version = version_submit(actor=editor, version=write(editor, article))
    with pytest.raises(ValidationError, match="four eyes"):
        version_publish(actor=editor, version=version)
    published = version_publish(actor=coordinator, version=version)
    assert published.status == Status.PUBLISHED
    assert published.reviewed_by == coordinator
    assert published.last_reviewed_at is not None


def test_the_second_of_two_editors_saving_is_told_and_stores_nothing(article, editor, coordinator):
    first = write(editor, article)
    seen = first.version
    version_save(
        actor=editor,
        article=article,
        language="ru",
        title="Edited by one",
        body="<p>One</p>",
        legal_basis=BASIS,
        expected_version=seen,
    )
    with pytest.raises(StaleObjectError):
        version_save(
            actor=coordinator,
            article=article,
            language="ru",
            title="Edited by two",
            body="<p>Two</p>",
            legal_basis=BASIS,
            expected_version=seen,
        )
    assert ArticleVersion.objects.get(pk=first.pk).title == "Edited by one"


def test_the_second_editor_keeps_their_text_on_the_page(article, editor, coordinator, sign_in):
    first = write(editor, article)
    write(editor, article, body="<p>Changed meanwhile</p>")
    url = reverse("staff:guidance_version_edit", kwargs={"article_id": article.pk, "language": "ru"})
    response = sign_in(coordinator).post(
        url, {"title": "Mine", "body": "<p>My careful text</p>", "legal_basis": BASIS, "version": first.version}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert "My careful text" in page
    assert "Changed meanwhile" in page


def test_the_board_shows_stale_articles_and_out_of_date_translations(article, editor, coordinator):
    source = publish(editor, coordinator, write(editor, article))
    translation = publish(editor, coordinator, write(editor, article, language="ky", body="<p>Каттоо</p>"))
    assert translation.translated_from_revision == source.revision
    assert not board().out_of_date
    # The source text changes and is published again: the Kyrgyz translation is now out of date.
    publish(editor, coordinator, write(editor, article, body="<p>New rules: {{rule:registration_days}}.</p>"))
    assert [row.version.language for row in board().out_of_date] == ["ky"]
    # A year later, nothing reviewed since: every published text is stale.
    later = timezone.localdate() + dt.timedelta(days=article.review_interval_days + 1)
    assert {row.version.language for row in board(today=later).stale} == {"ru", "ky"}
    assert not board().stale


def test_a_rule_change_reaches_the_article_text_and_flags_it_for_review(article, editor, coordinator, places, client):
    rule = rule_save(
        actor=editor,
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=30,
        effective_from=dt.date(2015, 8, 12),
        effective_to=None,
        legal_basis="EAEU Treaty, art. 97",
    )
    version = publish(editor, coordinator, write(editor, article))
    url = reverse("guidance:article", kwargs={"country": "ru", "topic": "registration"}) + "?lang=ru"
    assert ">30</strong> days" in client.get(url).content.decode()
    assert not board().stale
    rule_save(
        actor=editor,
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=15,
        effective_from=rule.effective_from,
        effective_to=None,
        legal_basis="EAEU Treaty, art. 97",
        rule=rule,
        expected_version=rule.version,
    )
    assert ">15</strong> days" in client.get(url).content.decode()
    assert rule_value("KG", "RU", RuleKind.REGISTRATION_DAYS) == 15
    assert [row.version.pk for row in board().stale] == [version.pk]
    version_confirm(actor=coordinator, version=ArticleVersion.objects.get(pk=version.pk))
    assert not board().stale


def test_rule_value_follows_the_effective_dates(places, editor):
    for start, end, value in ((dt.date(2020, 1, 1), dt.date(2024, 12, 31), 90), (dt.date(2025, 1, 1), None, 30)):
        rule_save(
            actor=editor,
            citizenship=places["KG"],
            destination=places["RU"],
            kind=RuleKind.REGISTRATION_DAYS,
            value=value,
            effective_from=start,
            effective_to=end,
            legal_basis="law",
        )
    assert rule_value("KG", "RU", RuleKind.REGISTRATION_DAYS, on=dt.date(2023, 5, 1)) == 90
    assert rule_value(places["KG"], places["RU"], RuleKind.REGISTRATION_DAYS, on=dt.date(2025, 5, 1)) == 30
    assert rule_value("KG", "RU", RuleKind.REGISTRATION_DAYS, on=dt.date(2019, 5, 1)) is None
    assert Rule.objects.count() == 2


def test_who_may_write_review_and_keep_rules(
    article, editor, coordinator, officer_moscow, migrant_account, sign_in, client
):
    with pytest.raises(PermissionDenied):
        write(officer_moscow, article)
    with pytest.raises(PermissionDenied):
        article_create(actor=migrant_account, destination=None, topic=Topic.ENTRY)
    assert sign_in(officer_moscow).get(reverse("staff:guidance_board")).status_code == 404
    assert sign_in(editor).get(reverse("staff:guidance_board")).status_code == 200
    assert sign_in(coordinator).get(reverse("staff:guidance_rules")).status_code == 200
    assert client.get(reverse("staff:guidance_board")).status_code == 302


def test_the_review_page_shows_the_diff_and_refuses_the_writer(article, editor, coordinator, sign_in):
    publish(editor, coordinator, write(editor, article, body="<p>Old sentence.</p>"))
    version = version_submit(actor=editor, version=write(editor, article, body="<p>New sentence.</p>"))
    url = reverse("staff:guidance_version_review", kwargs={"article_id": article.pk, "language": "ru"})
    page = sign_in(coordinator).get(url).content.decode()
    assert 'class="removed"' in page and "Old sentence." in page
    assert 'class="added"' in page and "New sentence." in page
    refused = sign_in(editor).post(url, {"action": "publish", "version": version.version})
    assert refused.status_code == 400
    assert "four eyes" in refused.content.decode()
    assert ArticleVersion.objects.get(pk=version.pk).status == Status.REVIEW


def test_public_pages_show_the_article_in_the_page_language(starter_set, client):
    index = client.get(reverse("guidance:index"), headers={"accept-language": "ky"})
    assert index.status_code == 200
    page = client.get(
        reverse("guidance:article", kwargs={"country": "ru", "topic": "registration"}),
        headers={"accept-language": "ky"},
    )
    text = page.content.decode()
    assert "Россиядагы миграциялык каттоо" in text
    assert ">30</strong> күн" in text
    assert "109-ФЗ" in text
    assert 'id="example-notice"' in text
    assert len(page.content) < 200_000
    assert client.get("/guidance/zz/registration/").status_code == 404
    assert client.get("/guidance/ru/nothing/").status_code == 404


@pytest.mark.parametrize("typed", ["x" * 10_000, "?!.,", '"* NEAR OR', "регистрация"])
def test_the_search_page_never_fails(starter_set, client, typed):
    response = client.get(reverse("guidance:search"), {"q": typed})
    assert response.status_code == 200


def test_the_search_page_offers_other_languages(starter_set, client):
    response = client.get(reverse("guidance:search"), {"q": "HiKorea"}, headers={"accept-language": "ky"})
    assert response.status_code == 200
    assert "<mark>HiKorea</mark>" in response.content.decode()


def test_the_starter_set_is_published_in_four_languages_with_its_legal_basis(starter_set):
    assert Article.objects.count() == 16
    assert ArticleVersion.objects.filter(status=Status.PUBLISHED).count() == 64
    assert not ArticleVersion.objects.filter(published_legal_basis="").exists()
    assert all(article.example for article in Article.objects.all())
