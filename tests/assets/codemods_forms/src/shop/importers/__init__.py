"""One importer per import form."""
