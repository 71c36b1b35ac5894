<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Frivård</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Tillsynsperiod</source>
        <translation>Supervision period</translation>
    </message>
    <message>
        <source>Tidigare samtal</source>
        <translation>Earlier notifications</translation>
    </message>
    <message>
        <source>Under frivårdstillsyn på dagen: tillsynen kan ålägga deltagande.</source>
        <translation>Under probation supervision on the day: the supervision can oblige attendance.</translation>
    </message>
    <message>
        <source>(tillagd för hand)</source>
        <translation>(added by hand)</translation>
    </message>
    <message>
        <source>%1 – under tillsyn</source>
        <translation>%1 – under supervision</translation>
    </message>
    <message>
        <source>Motivering saknas</source>
        <translation>Reason missing</translation>
    </message>
</context>
</TS>