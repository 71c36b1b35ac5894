<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DosesLabel</name>
    <message>
        <source>En dos är budskapet framfört ansikte mot ansikte: ett riktat samtal eller en call-in personen deltog i. Kallelser räknas inte som doser.</source>
        <translation>A dose is the message delivered face to face: a custom notification or a call-in the person attended. Invitations do not count as doses.</translation>
    </message>
    <message>
        <source>Doser: inga ännu (inget riktat samtal, ingen call-in)</source>
        <translation>Doses: none yet (no custom notification, no call-in)</translation>
    </message>
    <message>
        <source>1 riktat samtal</source>
        <translation>1 custom notification</translation>
    </message>
    <message>
        <source>%1 riktade samtal</source>
        <translation>%1 custom notifications</translation>
    </message>
    <message>
        <source>1 call-in</source>
        <translation>1 call-in</translation>
    </message>
    <message>
        <source>%1 call-ins</source>
        <translation>%1 call-ins</translation>
    </message>
    <message>
        <source>Doser: %1 (%2)</source>
        <translation>Doses: %1 (%2)</translation>
    </message>
    <message>
        <source>1 kallelse</source>
        <translation>1 invitation</translation>
    </message>
    <message>
        <source>%1 kallelser</source>
        <translation>%1 invitations</translation>
    </message>
    <message>
        <source>senast %1</source>
        <translation>latest %1</translation>
    </message>
</context>
</TS>