def write_elsewhere(stdout, report):
    """What other apps removed along with the requests (portal.core.retention)."""
    for name, removed in report.elsewhere.items():
        stdout.write(f"Removed {removed} record(s) of {name}.")
