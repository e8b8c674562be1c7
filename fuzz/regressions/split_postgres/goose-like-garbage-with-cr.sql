-- +goose Up
-- +goosS+goose Up
-- +goosetat SÍmentBBLcM orgeR AS $$ BEGLcM orge AS BLM sulg-;--'JLcM xt; is Asl;0
/*`- n: SeBy““a-*osÿme:*ÿjIN NEWD; $$ABLE s;-- JLcM o LANGUAGE plpgsql;
-- +gooÿÿÿÿÿÿÿÿûÿÿÿÿÿÿÿÿÿÿcM orgeR AoS $$ *ail := lower(NEW.$$AÂLE sql;-- BLcM o LANGUAGE plpgcql;
-- +goose StatstantBBLcM orgeR AS $$ BEGÿjIN NEWD; $$ABLE sql;-- JLcM o LANGUAGE plpgsql;
-- +gooÿÿÿÿÿÿÿÿÿÿÿÿÿÿ;
-- +goose StatstantBBLE sql;-- B*LcM o LANGUAGE plpgStatstosÿme:*/Ä
@atÄu;kn