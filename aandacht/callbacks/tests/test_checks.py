"""`manage.py check` warns without a key and refuses a malformed one."""

from __future__ import annotations

from aandacht.callbacks.checks import callback_key_check


def test_no_key_is_a_warning(settings):
    settings.CALLBACK_KEYS = []
    [message] = callback_key_check()
    assert message.id == "callbacks.W001"
    assert "cannot be recorded" in message.msg


def test_a_malformed_key_is_an_error_that_does_not_show_the_key(settings):
    settings.CALLBACK_KEYS = ["geheim-maar-te-kort"]
    [message] = callback_key_check()
    assert message.id == "callbacks.E001"
    assert "geheim" not in message.msg + str(message.hint)


def test_a_good_key_passes(settings, callback_key):
    assert callback_key_check() == []
