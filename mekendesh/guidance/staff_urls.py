from django.urls import path

from mekendesh.guidance import staff_views

urlpatterns = [
    path("guidance/", staff_views.board_view, name="guidance_board"),
    path("guidance/new/", staff_views.article_new, name="guidance_article_new"),
    path("guidance/<int:article_id>/<str:language>/", staff_views.version_edit, name="guidance_version_edit"),
    path(
        "guidance/<int:article_id>/<str:language>/review/", staff_views.version_review, name="guidance_version_review"
    ),
    path("guidance/rules/", staff_views.rules_view, name="guidance_rules"),
    path("guidance/rules/new/", staff_views.rule_edit, name="guidance_rule_new"),
    path("guidance/rules/<int:rule_id>/", staff_views.rule_edit, name="guidance_rule_edit"),
]
