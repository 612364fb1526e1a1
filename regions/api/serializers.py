from rest_framework import serializers

from regions.models import Province, Region


class ProvinceSerializer(serializers.ModelSerializer):
    region_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Province
        fields = ["code", "name", "region_count"]


class RegionSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True)
    province_name = serializers.CharField(source="province.name", read_only=True)
    stage = serializers.ChoiceField(choices=Region.Stage.choices, read_only=True)
    mpp_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "province", "province_name", "is_dki_administrative", "stage", "mpp_count"]
