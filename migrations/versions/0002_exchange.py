"""exchange: unit keys, per-field clocks, disclosure register, imported bundles, merge review

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Every vault gets its unit identity for bundles (an age X25519 identity and an Ed25519
signing key), generated here so that vaults made before bundles existed get one too. The
keys live in ``vault_meta``, inside the encrypted database. Mergeable rows gain per-field
clocks (a nullable JSON column: adding it needs no table rebuild).
"""

from __future__ import annotations

import base64

import pyrage
import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Every table whose rows carry SyncMixin's columns (app/models/base.py).
MERGEABLE = (
    'callin', 'callin_group', 'callin_invitee', 'callin_speaker', 'consent',
    'enforcement_action', 'enforcement_incident', 'group', 'group_relation',
    'helpline_contact', 'incident', 'incident_group', 'incident_person', 'letter',
    'letter_template', 'membership', 'notification', 'notification_person', 'partner',
    'person', 'referral', 'service_provider',
)
KEYS = ('unit_age_identity', 'unit_signing_key')


def _new_keys() -> dict[str, str]:
    signing = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    return {'unit_age_identity': str(pyrage.x25519.Identity.generate()),
            'unit_signing_key': base64.b64encode(signing).decode('ascii')}


def upgrade() -> None:
    for table in MERGEABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('field_clocks', sa.JSON(), nullable=True))

    op.create_table('disclosure',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('partner_name', sa.String(length=200), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('basis_note', sa.Text(), nullable=True),
    sa.Column('scope', sa.JSON(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'],
                            name=op.f('fk_disclosure_partner_id_partner'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure'))
    )
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.create_index('ix_disclosure_at', ['at'], unique=False)

    op.create_table('imported_bundle',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('sender_unit', sa.String(length=36), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=100), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_imported_bundle'))
    )
    with op.batch_alter_table('imported_bundle', schema=None) as batch_op:
        batch_op.create_index('ix_imported_bundle_sender', ['sender_unit', 'sequence'],
                              unique=False)

    op.create_table('merge_review',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('kept_value', sa.JSON(), nullable=True),
    sa.Column('other_value', sa.JSON(), nullable=True),
    sa.Column('other_unit', sa.String(length=36), nullable=False),
    sa.Column('other_clock', sa.String(length=60), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.Column('resolution', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_review'))
    )
    with op.batch_alter_table('merge_review', schema=None) as batch_op:
        batch_op.create_index('ix_merge_review_open', ['resolved_at', 'created_at'],
                              unique=False)

    meta = sa.table('vault_meta', sa.column('key', sa.String), sa.column('value', sa.Text))
    conn = op.get_bind()
    present = {k for (k,) in conn.execute(sa.select(meta.c.key).where(meta.c.key.in_(KEYS)))}
    missing = [{'key': k, 'value': v} for k, v in _new_keys().items() if k not in present]
    if missing:
        op.bulk_insert(meta, missing)


def downgrade() -> None:
    # The unit keys stay: dropping them would make the unit a new one to its partners if the
    # vault is upgraded again.
    with op.batch_alter_table('merge_review', schema=None) as batch_op:
        batch_op.drop_index('ix_merge_review_open')
    op.drop_table('merge_review')
    with op.batch_alter_table('imported_bundle', schema=None) as batch_op:
        batch_op.drop_index('ix_imported_bundle_sender')
    op.drop_table('imported_bundle')
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.drop_index('ix_disclosure_at')
    op.drop_table('disclosure')
    for table in MERGEABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('field_clocks')
