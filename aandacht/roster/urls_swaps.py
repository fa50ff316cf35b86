from django.urls import path

from aandacht.roster.swaps import views

urlpatterns = [
    path(
        "shifts/<int:assignment_id>/offer/",
        views.roster_swap_offer,
        name="roster_swap_offer",
    ),
    path(
        "offers/<int:offer_id>/withdraw/",
        views.roster_swap_withdraw,
        name="roster_swap_withdraw",
    ),
    path(
        "offers/<int:offer_id>/take/", views.roster_swap_take, name="roster_swap_take"
    ),
    path("open-shifts/", views.roster_board, name="roster_board"),
    path("now/", views.roster_now, name="roster_now"),
]
