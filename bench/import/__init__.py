"""The import benchmark of issue 8: a million-row registrations file through the import
pipeline, against the raw COPY of the same rows and django-import-export (``python -m bench.import``)."""
