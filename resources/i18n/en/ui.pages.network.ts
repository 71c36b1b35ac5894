<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NetworkPage</name>
    <message>
        <source>Visa upplösta grupper</source>
        <translation>Show dissolved groups</translation>
    </message>
    <message>
        <source>Bara grupper med relationer</source>
        <translation>Only groups with relations</translation>
    </message>
    <message>
        <source>Alla grupper</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Högst %1 grupper</source>
        <translation>At most %1 groups</translation>
    </message>
    <message>
        <source>Grupper med relationer visas först, sedan efter prioritet och storlek.</source>
        <translation>Groups with relations are shown first, then by priority and size.</translation>
    </message>
    <message>
        <source>Anpassa</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Visa hela nätverket</source>
        <translation>Show the whole network</translation>
    </message>
    <message>
        <source>konflikt</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>allians</source>
        <translation>alliance</translation>
    </message>
    <message>
        <source>tjockare linje = högre intensitet</source>
        <translation>thicker line = higher intensity</translation>
    </message>
    <message>
        <source>större cirkel = fler medlemmar</source>
        <translation>larger circle = more members</translation>
    </message>
    <message>
        <source>klicka på en grupp för att öppna den</source>
        <translation>click a group to open it</translation>
    </message>
    <message>
        <source>Nätverk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Räknar ut nätverket…</source>
        <translation>Computing the network…</translation>
    </message>
    <message>
        <source>%1 grupper, %2 relationer</source>
        <translation>%1 groups, %2 relations</translation>
    </message>
    <message>
        <source>(%1 till visas inte)</source>
        <translation>(%1 more not shown)</translation>
    </message>
    <message>
        <source>Inga grupper att visa</source>
        <translation>No groups to show</translation>
    </message>
    <message>
        <source>Registrera grupper och deras allianser och konflikter under Grupper, så ritas nätverket här.</source>
        <translation>Register groups and their alliances and conflicts under Groups, and the network is drawn here.</translation>
    </message>
</context>
</TS>
