"""Use cases over the vault: plain Python, one transaction per user action, DTOs out."""
