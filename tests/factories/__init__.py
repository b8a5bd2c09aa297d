"""factory_boy factories, one module per app (scrutiny, workforce, scorecards, programmes)."""
