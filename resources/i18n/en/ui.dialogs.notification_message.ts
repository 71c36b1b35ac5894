<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>MessageStep</name>
    <message>
        <source>Budskapet</source>
        <translation>The message</translation>
    </message>
    <message>
        <source>Vilka delar av budskapet framfördes?</source>
        <translation>Which parts of the message were delivered?</translation>
    </message>
    <message>
        <source>Vad rättsligt står på spel för just den här personen; fylls i när rättsliga konsekvenser ingick</source>
        <translation>What is legally at stake for this particular person; filled in when legal exposure was part of the message</translation>
    </message>
    <message>
        <source>Delar</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Individuell &amp;rättslig bedömning</source>
        <translation>Individual &amp;legal assessment</translation>
    </message>
    <message>
        <source>&amp;Erbjuden hjälp</source>
        <translation>&amp;Help offered</translation>
    </message>
    <message>
        <source>Välj minst en del av budskapet.</source>
        <translation>Choose at least one part of the message.</translation>
    </message>
</context>
<context>
    <name>OutcomeStep</name>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Hur togs budskapet emot, och vad händer härnäst?</source>
        <translation>How was the message received, and what happens next?</translation>
    </message>
    <message>
        <source>&amp;Reaktion</source>
        <translation>&amp;Reaction</translation>
    </message>
    <message>
        <source>&amp;Nästa steg</source>
        <translation>Next &amp;step</translation>
    </message>
</context>
</TS>