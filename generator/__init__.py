"""kehoach: Vietnamese provincial plans (KH-UBND) from structured YAML to ND30-formatted documents."""
