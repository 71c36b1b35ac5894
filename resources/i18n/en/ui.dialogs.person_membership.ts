<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>Avsluta medlemskap</source>
        <translation>End membership</translation>
    </message>
    <message>
        <source>Sista dag som medlem i %1:</source>
        <translation>Last day as a member of %1:</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Ändra medlemskap</source>
        <translation>Edit membership</translation>
    </message>
    <message>
        <source>Nytt medlemskap</source>
        <translation>New membership</translation>
    </message>
    <message>
        <source>T.ex. ledare, medlem, kringperson</source>
        <translation>E.g. leader, member, associate</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>T.ex. polisens lägesbild</source>
        <translation>E.g. the police situation report</translation>
    </message>
    <message>
        <source>Grupp *</source>
        <translation>Group *</translation>
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
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tillförlitlighet</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Det finns inga grupper ännu. Lägg först upp gruppen på sidan Grupper.</source>
        <translation>There are no groups yet. First add the group on the Groups page.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Välj en grupp i listan</source>
        <translation>Choose a group from the list</translation>
    </message>
</context>
</TS>
