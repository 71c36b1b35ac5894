"""partner unit id: a real column instead of a key in the profile JSON

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

A partner's unit id names it as the sender of a bundle, so it is looked up on every import:
it gets its own indexed column. Vaults from 0002 kept it under ``"unit_id"`` in the partner's
``profile`` JSON; it is copied out and removed there, so the profile holds only what the
partner may receive.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

PROFILE_KEY = 'unit_id'


def _partners() -> sa.TableClause:
    return sa.table('partner', sa.column('id', sa.String), sa.column('profile', sa.Text),
                    sa.column('unit_id', sa.String))


def _load(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    data = json.loads(raw) if isinstance(raw, str | bytes) else raw
    return data if isinstance(data, dict) else None


def upgrade() -> None:
    # A nullable column: SQLite adds it in place, the partner table is not rebuilt.
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_partner_unit_id'), ['unit_id'], unique=False)

    partner = _partners()
    conn = op.get_bind()
    for row_id, raw in conn.execute(sa.select(partner.c.id, partner.c.profile)).all():
        profile = _load(raw)
        if profile is None or PROFILE_KEY not in profile:
            continue
        unit_id = profile.pop(PROFILE_KEY)
        conn.execute(partner.update().where(partner.c.id == row_id).values(
            profile=json.dumps(profile),
            unit_id=unit_id if isinstance(unit_id, str) and unit_id else None))


def downgrade() -> None:
    partner = _partners()
    conn = op.get_bind()
    rows = conn.execute(sa.select(partner.c.id, partner.c.profile, partner.c.unit_id).where(
        partner.c.unit_id.is_not(None))).all()
    for row_id, raw, unit_id in rows:
        profile = _load(raw) or {}
        profile[PROFILE_KEY] = unit_id
        conn.execute(partner.update().where(partner.c.id == row_id).values(
            profile=json.dumps(profile)))
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_unit_id'))
        batch_op.drop_column('unit_id')
