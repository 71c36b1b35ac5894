<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>Det finns inget Mottryck-valv i %1.</source>
        <translation>There is no Mottryck vault in %1.</translation>
    </message>
    <message>
        <source>Valvet har flera användare: välj vem du är och skriv lösenfrasen.</source>
        <translation>The vault has several users: choose who you are and type the passphrase.</translation>
    </message>
</context>
</TS>
