"""The environment readers stop a bad start with one clear line."""

from __future__ import annotations

import pytest

from aandacht.core.env import (
    EnvError,
    database_engine,
    env_bool,
    env_database_url,
    env_hours,
    env_int,
    env_list,
    env_required,
    env_str,
)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("0", False), (" 1 ", True)]
)
def test_bool_reads_one_and_zero(raw, expected):
    assert env_bool("DEBUG", not expected, environ={"DEBUG": raw}) is expected


@pytest.mark.parametrize("environ", [{}, {"DEBUG": ""}, {"DEBUG": "  "}])
def test_bool_unset_or_blank_is_the_default(environ):
    assert env_bool("DEBUG", True, environ=environ) is True
    assert env_bool("DEBUG", False, environ=environ) is False


@pytest.mark.parametrize("raw", ["yes", "true", "True", "on", "no", "2", "-1"])
def test_bool_refuses_anything_but_one_and_zero_naming_the_variable(raw):
    with pytest.raises(EnvError) as error:
        env_bool("AANDACHT_DEMO", False, environ={"AANDACHT_DEMO": raw})
    assert str(error.value) == f"AANDACHT_DEMO must be 1 or 0, not {raw!r}."


def test_int_within_bounds_including_the_bounds():
    def read(raw):
        return env_int("N", 7, minimum=5, maximum=240, environ={"N": raw})

    assert [read("5"), read("30"), read("240"), read(" 60 ")] == [5, 30, 240, 60]
    assert env_int("N", 7, minimum=5, maximum=240, environ={}) == 7


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("4", "AANDACHT_STAFF_IDLE_MINUTES must be at least 5, not 4."),
        ("241", "AANDACHT_STAFF_IDLE_MINUTES must be at most 240, not 241."),
        ("thirty", "AANDACHT_STAFF_IDLE_MINUTES must be a whole number, not 'thirty'."),
        ("30.5", "AANDACHT_STAFF_IDLE_MINUTES must be a whole number, not '30.5'."),
    ],
)
def test_int_out_of_bounds_or_not_a_number_is_refused(raw, message):
    name = "AANDACHT_STAFF_IDLE_MINUTES"
    with pytest.raises(EnvError) as error:
        env_int(name, 30, minimum=5, maximum=240, environ={name: raw})
    assert str(error.value) == message


def test_list_splits_on_commas_and_drops_blanks():
    environ = {"ALLOWED_HOSTS": " aandacht.example, ,www.aandacht.example,, "}
    assert env_list("ALLOWED_HOSTS", [], environ=environ) == [
        "aandacht.example",
        "www.aandacht.example",
    ]


def test_list_unset_is_a_copy_of_the_default():
    default = ["localhost"]
    hosts = env_list("ALLOWED_HOSTS", default, environ={})
    hosts.append("evil.example")
    assert hosts == ["localhost", "evil.example"]
    assert default == ["localhost"]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:///var/aandacht.db", "sqlite"),
        ("postgres://aandacht:secret@db.example/aandacht", "postgresql"),
        ("postgresql://aandacht@127.0.0.1:5432/aandacht", "postgresql"),
    ],
)
def test_database_url_accepts_sqlite_and_postgres(url, engine):
    checked = env_database_url(
        "DATABASE_URL", "sqlite:///x.db", environ={"DATABASE_URL": url}
    )
    assert checked == url
    assert database_engine(checked) == engine


def test_database_url_unset_is_the_default():
    default = "sqlite:///var/aandacht.db"
    assert env_database_url("DATABASE_URL", default, environ={}) == default


@pytest.mark.parametrize(
    ("url", "shown"),
    [("mysql://aandacht@db/aandacht", "'mysql'"), ("garbage", "'garbage'")],
)
def test_database_url_with_another_scheme_is_refused(url, shown):
    with pytest.raises(EnvError) as error:
        env_database_url(
            "DATABASE_URL", "sqlite:///x.db", environ={"DATABASE_URL": url}
        )
    message = str(error.value)
    assert message.startswith(f"DATABASE_URL has an unsupported scheme {shown}")
    assert "sqlite:///" in message
    assert "postgres://" in message


def test_required_returns_the_value():
    environ = {"SECRET_KEY": " s3cret "}
    assert env_required("SECRET_KEY", why="sign sessions", environ=environ) == "s3cret"


@pytest.mark.parametrize("environ", [{}, {"SECRET_KEY": "   "}])
def test_required_refuses_unset_or_blank_and_says_why(environ):
    with pytest.raises(EnvError) as error:
        env_required("SECRET_KEY", why="it signs the sessions.", environ=environ)
    assert str(error.value) == "SECRET_KEY is not set: it signs the sessions."


def test_str_is_stripped_or_the_default():
    assert env_str("HOST", environ={"HOST": " mail.example "}) == "mail.example"
    assert env_str("HOST", "localhost", environ={"HOST": ""}) == "localhost"
    assert env_str("HOST", environ={}) is None


def test_hours_read_a_daily_range_and_default_to_it_when_unset():
    assert env_hours("H", "00:00-24:00", environ={}) == ("00:00", "24:00")
    assert env_hours("H", "x", environ={"H": " 14:00 - 23:30 "}) == ("14:00", "23:30")


@pytest.mark.parametrize(
    "raw", ["14-23", "14:00", "25:00-26:00", "aa:bb-cc:dd", "14:60-15:00"]
)
def test_hours_that_are_not_a_daily_range_are_refused_naming_the_variable(raw):
    with pytest.raises(EnvError, match="AANDACHT_LINE_CHAT_HOURS must look like"):
        env_hours(
            "AANDACHT_LINE_CHAT_HOURS",
            "00:00-24:00",
            environ={"AANDACHT_LINE_CHAT_HOURS": raw},
        )
