<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CandidatesPage</name>
    <message>
        <source>Kandidater</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>Bocka i vilka som ska bjudas in och skriv varför, för var och en.</source>
        <translation>Tick who is to be invited and write why, for each one.</translation>
    </message>
    <message>
        <source>Mellanslag bockar i, F2 skriver motivering</source>
        <translation>Space ticks, F2 writes a reason</translation>
    </message>
    <message>
        <source>Gulmarkerade står under frivårdstillsyn på mötets dag: tillsynen kan ålägga dem att komma.</source>
        <translation>Highlighted in yellow: under probation supervision on the day of the meeting; the supervision can oblige them to attend.</translation>
    </message>
    <message>
        <source>Villkorligt frigiven, aktiv i konflikten</source>
        <translation>On parole, active in the conflict</translation>
    </message>
    <message>
        <source>Under tillsyn, central i gruppen</source>
        <translation>Under supervision, central in the group</translation>
    </message>
    <message>
        <source>Nyligen inblandad i en våldshändelse</source>
        <translation>Recently involved in a violent incident</translation>
    </message>
    <message>
        <source>Har tidigare fått ett riktat samtal</source>
        <translation>Has had a custom notification before</translation>
    </message>
    <message>
        <source>Motivering för den markerade personen</source>
        <translation>Reason for the selected person</translation>
    </message>
    <message>
        <source>Lägg till person…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>Bjud in någon som inte finns bland förslagen</source>
        <translation>Invite someone who is not among the suggestions</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>De valda grupperna har inga nuvarande medlemmar. Lägg till personer för hand eller gå tillbaka och välj fler grupper.</source>
        <translation>The chosen groups have no current members. Add people by hand or go back and choose more groups.</translation>
    </message>
    <message numerus="yes">
        <source>%n valda</source>
        <translation>
            <numerusform>%n chosen</numerusform>
            <numerusform>%n chosen</numerusform>
        </translation>
    </message>
    <message>
        <source>Välj minst en person att bjuda in.</source>
        <translation>Choose at least one person to invite.</translation>
    </message>
    <message>
        <source>Motivering saknas för: %1</source>
        <translation>Reason missing for: %1</translation>
    </message>
</context>
<context>
    <name>PersonPickDialog</name>
    <message>
        <source>Lägg till person</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>Sök på namn, alias eller personnummer</source>
        <translation>Search by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Skriv minst en bokstav för att söka.</source>
        <translation>Type at least one letter to search.</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ingen person matchar sökningen.</source>
        <translation>No person matches the search.</translation>
    </message>
</context>
</TS>