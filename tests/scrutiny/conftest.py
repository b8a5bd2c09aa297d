"""The framework's page tests (blocks, charts) read committee business as the committee page
tests do: the same committee, meeting and people."""

from tests.committees.conftest import (  # noqa: F401 (fixtures, found by name)
    committee,
    meeting,
    member,
    member_client,
    stranger,
    stranger_client,
)
