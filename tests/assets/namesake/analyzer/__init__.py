"""A user package named like unknot's own analyzer."""
