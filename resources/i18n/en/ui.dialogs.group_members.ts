<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Lägg till medlem</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Sök person på namn, alias eller personnummer</source>
        <translation>Search a person by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>t.ex. ledare, medlem, kringperson</source>
        <translation>e.g. leader, member, associate</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Visa tidigare medlemmar</source>
        <translation>Show former members</translation>
    </message>
    <message>
        <source>Lägg till medlem…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>Avsluta medlemskap</source>
        <translation>End membership</translation>
    </message>
    <message>
        <source>Medlemskapet avslutas med i går som sista dag och visas sedan som tidigare.</source>
        <translation>The membership ends with yesterday as its last day and is then shown as former.</translation>
    </message>
    <message>
        <source>%1 nuvarande, %2 tidigare. Dubbelklicka för att öppna personen.</source>
        <translation>%1 current, %2 former. Double-click to open the person.</translation>
    </message>
    <message>
        <source>Inga medlemmar registrerade. Lägg till en med knappen nedan.</source>
        <translation>No members registered. Add one with the button below.</translation>
    </message>
    <message>
        <source>Avsluta medlemskapet för %1 i dag?</source>
        <translation>End the membership of %1 today?</translation>
    </message>
</context>
</TS>