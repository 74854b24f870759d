"""The public barometer and open data: what the municipality's handling of proposals
amounts to, in figures and as files anyone may reuse."""
