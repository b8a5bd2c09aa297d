"""The attack suite a council's IT review would run, over the demo (see ``areas``)."""
