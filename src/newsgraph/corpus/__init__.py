"""Corpora: read many documents, ingest them into a store, find near-duplicates, export."""
