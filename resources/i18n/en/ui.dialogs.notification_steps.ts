<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>WhereStep</name>
    <message>
        <source>Var och vilka</source>
        <translation>Where and who</translation>
    </message>
    <message>
        <source>Var samtalet hölls och vilka som framförde budskapet.</source>
        <translation>Where the conversation took place and who delivered the message.</translation>
    </message>
    <message>
        <source>Välj plats…</source>
        <translation>Choose a place…</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>&amp;Plats</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Välj var samtalet hölls.</source>
        <translation>Choose where the conversation took place.</translation>
    </message>
    <message>
        <source>Lägg till minst en person som deltog (namn och roll).</source>
        <translation>Add at least one person who took part (name and role).</translation>
    </message>
</context>
<context>
    <name>WhoStep</name>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Vilka fick budskapet, och när? Sök på namn och lägg till.</source>
        <translation>Who received the message, and when? Search by name and add.</translation>
    </message>
    <message>
        <source>Sök person på namn</source>
        <translation>Search for a person by name</translation>
    </message>
    <message>
        <source>Lägg till →</source>
        <translation>Add →</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Sökträffar</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>&amp;Personer som fick budskapet</source>
        <translation>&amp;People who received the message</translation>
    </message>
    <message>
        <source>&amp;Genomfört</source>
        <translation>&amp;Delivered</translation>
    </message>
    <message>
        <source>Välj minst en person.</source>
        <translation>Choose at least one person.</translation>
    </message>
    <message>
        <source>Tiden ligger i framtiden: ett riktat samtal registreras när det är gjort.</source>
        <translation>The time is in the future: a custom notification is recorded once it has taken place.</translation>
    </message>
</context>
<context>
    <name>WhyStep</name>
    <message>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Vad ledde till samtalet? Koppla gärna den utlösande händelsen eller den call-in som följs upp.</source>
        <translation>What led to the conversation? Link the triggering incident or the call-in being followed up if you can.</translation>
    </message>
    <message>
        <source>Välj anledning…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>Ingen vald</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <source>&amp;Anledning</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Utlösande &amp;händelse</source>
        <translation>Triggering &amp;incident</translation>
    </message>
    <message>
        <source>&amp;Call-in som följs upp</source>
        <translation>&amp;Call-in followed up</translation>
    </message>
    <message>
        <source>(vald tidigare)</source>
        <translation>(chosen earlier)</translation>
    </message>
    <message>
        <source>Välj en anledning.</source>
        <translation>Choose a reason.</translation>
    </message>
</context>
</TS>