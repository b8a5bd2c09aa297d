"""The assurance page tests read committee business as the scrutiny page tests do: the same
committee, meeting and people (a committee member, an officer of another council)."""

from tests.committees.conftest import (  # noqa: F401 (fixtures, found by name)
    committee,
    meeting,
    member,
    member_client,
    stranger,
    stranger_client,
)
