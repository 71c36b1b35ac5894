"""help to leave and follow-through: referral steps, consent giver, help-line and provider
details, when a follow-through round was communicated

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

A referral's history becomes its own grow-only table (``referral_event``): each step with its
date, who took it, and for a step that shares data with another organisation the consent that
covered it or the written reason for an override. The other changes are nullable columns (or
one with a server default), which SQLite adds in place without rebuilding a table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_STATUS = ('proposed', 'sent', 'accepted', 'started', 'completed', 'declined', 'dropped',
           'withdrawn')


def _status(nullable: bool, name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Enum(*_STATUS, name='referralstatus', native_enum=False,
                                   length=40), nullable=nullable)


def upgrade() -> None:
    op.create_table('referral_event',
    sa.Column('referral_id', sa.String(length=36), nullable=False),
    _status(False, 'status'),
    _status(True, 'previous_status'),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('by_user', sa.String(length=100), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('consent_id', sa.String(length=36), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'),
              nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'),
              nullable=False),
    sa.Column('hlc', sa.String(length=20), nullable=False),
    sa.Column('origin_unit', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('field_clocks', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'],
                            name=op.f('fk_referral_event_consent_id_consent'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'],
                            name=op.f('fk_referral_event_referral_id_referral'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event'))
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_deleted'), ['deleted'],
                              unique=False)
        batch_op.create_index('ix_referral_event_referral', ['referral_id'], unique=False)

    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('given_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('enforcement_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('communicated_on', sa.Date(), nullable=True))
    with op.batch_alter_table('helpline_contact', schema=None) as batch_op:
        batch_op.add_column(sa.Column('caller_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('follow_up_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('handled_by', sa.String(length=100), nullable=True))
    with op.batch_alter_table('service_provider', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('area', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('archived', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('service_provider', schema=None) as batch_op:
        batch_op.drop_column('archived')
        batch_op.drop_column('notes')
        batch_op.drop_column('area')
        batch_op.drop_column('address')
    with op.batch_alter_table('helpline_contact', schema=None) as batch_op:
        batch_op.drop_column('handled_by')
        batch_op.drop_column('follow_up_on')
        batch_op.drop_column('caller_name')
    with op.batch_alter_table('enforcement_action', schema=None) as batch_op:
        batch_op.drop_column('communicated_on')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_column('given_by')
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_event_referral')
        batch_op.drop_index(batch_op.f('ix_referral_event_deleted'))
    op.drop_table('referral_event')
