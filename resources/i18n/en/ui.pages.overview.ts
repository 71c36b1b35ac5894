<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>OverviewPage</name>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Prioriteringar att ompröva</source>
        <translation>Priorities to review</translation>
    </message>
    <message>
        <source>Grupper vars omprövningsdatum har passerat.</source>
        <translation>Groups whose review date has passed.</translation>
    </message>
    <message>
        <source>Frivård som upphör</source>
        <translation>Probation ending</translation>
    </message>
    <message>
        <source>Villkorlig frigivning, skyddstillsyn m.m. som upphör inom 30 dagar.</source>
        <translation>Parole, probation orders and the like ending within 30 days.</translation>
    </message>
    <message>
        <source>Händelser att koda</source>
        <translation>Incidents to code</translation>
    </message>
    <message>
        <source>Händelser de senaste 30 dagarna där gruppkopplingen (GMI) är okänd.</source>
        <translation>Incidents of the last 30 days whose group member involvement (GMI) is unknown.</translation>
    </message>
    <message>
        <source>Försenade insatser</source>
        <translation>Overdue referrals</translation>
    </message>
    <message>
        <source>Remisser vars datum har passerat utan att de avslutats.</source>
        <translation>Referrals past their date that are not closed.</translation>
    </message>
    <message>
        <source>Uppföljningar från avhopparlinjen</source>
        <translation>Exit line follow-ups</translation>
    </message>
    <message>
        <source>Kontakter där en utlovad uppföljning skulle ha gjorts.</source>
        <translation>Contacts where a promised follow-up is due.</translation>
    </message>
    <message>
        <source>Läget %1. Händelser räknas från %2 till och med %1.</source>
        <translation>As of %1. Incidents are counted from %2 to %1 inclusive.</translation>
    </message>
    <message>
        <source>aktiv grupp</source>
        <translation>active group</translation>
    </message>
    <message>
        <source>aktiva grupper</source>
        <translation>active groups</translation>
    </message>
    <message>
        <source>person i aktiva grupper</source>
        <translation>person in active groups</translation>
    </message>
    <message>
        <source>personer i aktiva grupper</source>
        <translation>people in active groups</translation>
    </message>
    <message>
        <source>skjutning senaste 30 dagarna</source>
        <translation>shooting in the last 30 days</translation>
    </message>
    <message>
        <source>skjutningar senaste 30 dagarna</source>
        <translation>shootings in the last 30 days</translation>
    </message>
    <message>
        <source>sprängning senaste 30 dagarna</source>
        <translation>explosion in the last 30 days</translation>
    </message>
    <message>
        <source>sprängningar senaste 30 dagarna</source>
        <translation>explosions in the last 30 days</translation>
    </message>
    <message>
        <source>döda / skadade senaste 30 dagarna</source>
        <translation>killed / injured in the last 30 days</translation>
    </message>
    <message>
        <source>pågående konflikt</source>
        <translation>current conflict</translation>
    </message>
    <message>
        <source>pågående konflikter</source>
        <translation>current conflicts</translation>
    </message>
    <message>
        <source>person nådd senaste 12 månaderna</source>
        <translation>person reached in the last 12 months</translation>
    </message>
    <message>
        <source>personer nådda senaste 12 månaderna</source>
        <translation>people reached in the last 12 months</translation>
    </message>
    <message>
        <source>Personer som fått budskapet i ett riktat samtal eller på en call-in sedan %1.</source>
        <translation>People who received the message in a custom notification or at a call-in since %1.</translation>
    </message>
    <message>
        <source>dos senaste 12 månaderna</source>
        <translation>dose in the last 12 months</translation>
    </message>
    <message>
        <source>doser senaste 12 månaderna</source>
        <translation>doses in the last 12 months</translation>
    </message>
    <message>
        <source>Riktade samtal och call-ins som någon deltog i, räknade per person, sedan %1.</source>
        <translation>Custom notifications and call-ins attended, counted per person, since %1.</translation>
    </message>
    <message>
        <source>av dem mer än en gång</source>
        <translation>of them more than once</translation>
    </message>
    <message>
        <source>ingen call-in planerad</source>
        <translation>no call-in planned</translation>
    </message>
    <message>
        <source>nästa call-in: %1</source>
        <translation>next call-in: %1</translation>
    </message>
    <message>
        <source>(%1 planerade)</source>
        <translation>(%1 planned)</translation>
    </message>
</context>
</TS>