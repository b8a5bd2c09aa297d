"""Every change of state goes through one function here (``<entity>_<action>``)."""
