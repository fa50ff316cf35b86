from django.urls import path

from aandacht.contacts import views

urlpatterns = [
    path("contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/new/<uuid:key>/", views.contact_draft, name="contact_draft"),
    path(
        "contacts/new/<uuid:key>/autosave/",
        views.contact_autosave,
        name="contact_autosave",
    ),
    path(
        "contacts/new/<uuid:key>/counted/",
        views.contact_non_data,
        name="contact_non_data",
    ),
    path("contacts/new/<uuid:key>/discard/", views.draft_discard, name="draft_discard"),
    path("contacts/mine/", views.my_reports, name="my_reports"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:contact_id>/", views.review_detail, name="review_detail"),
]
